using Mtcopy.Adapters.Process;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Results;

namespace Mtcopy.Adapters.Kernel;

/// <summary>Runs one kbuild command into a step log and turns a failure into a <see cref="KernelBuildException"/>.</summary>
internal static class KbuildStepRunner
{
    public static async Task<ProcessResult> RunAsync(
        IProcessRunner runner,
        string step,
        KbuildCommand command,
        string logPath,
        Action<string>? onLine,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        ProcessSpec spec = ProcessSpec.From(command) with { LogPath = logPath, OnLine = onLine, Timeout = timeout };
        try
        {
            return await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (ProcessFailedException e)
        {
            BuildErrorSummary? summary = File.Exists(logPath)
                ? BuildLogAnalyzer.FindFirstError([.. File.ReadLines(logPath)])
                : BuildLogAnalyzer.FindFirstError(e.OutputTail);
            throw new KernelBuildException(step, ShellQuoting.Join([command.Program, .. command.Arguments]), e.ExitCode,
                summary, e.OutputTail, logPath, e);
        }
    }

    /// <summary>Starts a fresh log for a step: creates its directory and empties it.</summary>
    public static string StartLog(string logDir, string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logDir);
        string directory = Path.GetFullPath(logDir);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, fileName);
        File.WriteAllText(path, string.Empty);
        return path;
    }
}
