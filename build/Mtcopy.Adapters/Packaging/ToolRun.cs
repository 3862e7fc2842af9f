using Mtcopy.Adapters.Process;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>Runs a <see cref="ToolCommand"/> through an <see cref="IProcessRunner"/>, keeping every output line.</summary>
internal static class ToolRun
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static async Task<(ProcessResult Result, IReadOnlyList<string> Lines)> RunAsync(
        IProcessRunner runner,
        ToolCommand command,
        string? logPath,
        bool throwOnNonZeroExit,
        CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var spec = new ProcessSpec(command.Program, command.Arguments)
        {
            WorkingDirectory = command.WorkingDirectory,
            Environment = command.Environment,
            LogPath = logPath,
            OnLine = lines.Add,
            Timeout = DefaultTimeout,
            ThrowOnNonZeroExit = throwOnNonZeroExit,
        };
        ProcessResult result = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        return (result, lines);
    }
}
