using Mtcopy.Core.Kernel;
using Mtcopy.Core.Results;

namespace Mtcopy.Adapters.Process;

/// <summary>
/// A process to run: program and argument list (never a joined string), plus where it runs,
/// environment overrides (a null value removes a variable), the log file its stdout and
/// stderr lines are appended to, a per-line callback and a timeout.
/// </summary>
public sealed record ProcessSpec(string Program, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Output lines are appended here (the directory is created). Null: no log.</summary>
    public string? LogPath { get; init; }

    /// <summary>Called once per output line (stdout and stderr), one call at a time.</summary>
    public Action<string>? OnLine { get; init; }

    public TimeSpan? Timeout { get; init; }

    /// <summary>Bytes written to the process's standard input (then closed). Null: no input.</summary>
    public ReadOnlyMemory<byte>? StandardInput { get; init; }

    /// <summary>
    /// True: standard output is kept whole, as bytes, in <see cref="ProcessResult.StandardOutput"/> (not split
    /// into lines, not logged) and standard error as text in <see cref="ProcessResult.StandardError"/>; for
    /// commands whose output is data (git, apt-cache). Stderr lines still reach the log, the tail and <see cref="OnLine"/>.
    /// </summary>
    public bool CaptureOutput { get; init; }

    /// <summary>When false a non-zero exit code is returned instead of thrown.</summary>
    public bool ThrowOnNonZeroExit { get; init; } = true;

    /// <summary>Program and arguments as one shell-quoted line, for messages and logs.</summary>
    public string CommandLine => ShellQuoting.Join([Program, .. Arguments]);

    public static ProcessSpec From(KbuildCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new ProcessSpec(command.Program, command.Arguments)
        {
            WorkingDirectory = command.WorkingDirectory,
            Environment = command.Environment,
        };
    }
}
