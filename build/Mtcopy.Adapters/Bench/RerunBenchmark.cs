using Mtcopy.Adapters.Process;
using Mtcopy.Core.Bench;
using Mtcopy.Core.Results;

namespace Mtcopy.Adapters.Bench;

/// <summary>
/// Runs the whole pipeline again (a <c>./build.sh</c> child process) and reads what each stage did
/// from the metadata.json that run leaves in its output directory.
/// </summary>
public sealed class RerunBenchmark(IProcessRunner runner)
{
    /// <param name="command">The pipeline's command line, e.g. from <see cref="BenchCliCommands.BuildScript"/>.</param>
    /// <param name="metadataPath">The metadata.json that run writes.</param>
    /// <param name="logPath">Where its output goes.</param>
    /// <exception cref="FormatException">The run left no readable metadata.json.</exception>
    public async Task<RerunTiming> RunAsync(BenchCommand command, string metadataPath, string logPath, Action<string>? onLine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        DateTime before = File.Exists(metadataPath) ? File.GetLastWriteTimeUtc(metadataPath) : DateTime.MinValue;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        File.Delete(logPath);
        ProcessResult result = await runner.RunAsync(CommandTimer.ToSpec(command with { AllowNonZeroExit = true }, logPath, onLine), cancellationToken)
            .ConfigureAwait(false);
        if (!File.Exists(metadataPath) || File.GetLastWriteTimeUtc(metadataPath) <= before)
        {
            throw new FormatException($"The re-run (exit {result.ExitCode}) did not write {metadataPath}; see {logPath}.");
        }

        RunMetadata metadata = RunMetadataJson.Parse(await File.ReadAllTextAsync(metadataPath, cancellationToken).ConfigureAwait(false));
        return new RerunTiming(command.CommandLine, result.Duration.TotalSeconds, metadata.Stages) { ExitCode = result.ExitCode };
    }
}
