using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;
using Mtcopy.Core.Results;

namespace Mtcopy.Core.Bench;

/// <summary>
/// A command the bench times, as data: program, argument list, working directory (null: the
/// caller's), environment overrides (null removes a variable), a timeout, and whether a non-zero
/// exit is still a measurement (a linter's verdict, qemu's exit) rather than a failure.
/// </summary>
public sealed record BenchCommand(
    string Program,
    IReadOnlyList<string> Arguments,
    string? WorkingDirectory,
    IReadOnlyDictionary<string, string?> Environment)
{
    public TimeSpan? Timeout { get; init; }

    public bool AllowNonZeroExit { get; init; }

    public string CommandLine => ShellQuoting.Join([Program, .. Arguments]);

    public static BenchCommand Of(string program, IReadOnlyList<string> arguments, string? workingDirectory = null) =>
        new(program, arguments, workingDirectory, new Dictionary<string, string?>(StringComparer.Ordinal));

    public static BenchCommand From(KbuildCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new BenchCommand(command.Program, command.Arguments, command.WorkingDirectory, command.Environment);
    }

    public static BenchCommand From(ToolCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new BenchCommand(command.Program, command.Arguments, command.WorkingDirectory, command.Environment);
    }
}
