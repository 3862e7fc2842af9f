using System.Diagnostics;
using Mtcopy.Adapters.Process;
using Mtcopy.Core.Bench;

namespace Mtcopy.Adapters.Bench;

/// <summary>Runs bench commands one after another and returns their wall time together.</summary>
public sealed class CommandTimer(IProcessRunner runner)
{
    /// <summary>Runs <paramref name="commands"/> in order, their output appended to <paramref name="logPath"/>.</summary>
    /// <exception cref="ProcessFailedException">A command exited non-zero where that is not allowed.</exception>
    /// <exception cref="ProcessTimedOutException">A command ran past its timeout.</exception>
    public async Task<TimeSpan> RunAsync(IReadOnlyList<BenchCommand> commands, string logPath, Action<string>? onLine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var clock = Stopwatch.StartNew();
        foreach (BenchCommand command in commands)
        {
            await runner.RunAsync(ToSpec(command, logPath, onLine), cancellationToken).ConfigureAwait(false);
        }

        return clock.Elapsed;
    }

    public static ProcessSpec ToSpec(BenchCommand command, string? logPath, Action<string>? onLine)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new ProcessSpec(command.Program, command.Arguments)
        {
            WorkingDirectory = command.WorkingDirectory,
            Environment = command.Environment,
            LogPath = logPath,
            OnLine = onLine,
            Timeout = command.Timeout,
            ThrowOnNonZeroExit = !command.AllowNonZeroExit,
        };
    }
}
