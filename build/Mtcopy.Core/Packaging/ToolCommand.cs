using Mtcopy.Core.Results;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// A packaging tool to run, as data: program, argument list (never a joined string), working
/// directory (null: the caller's) and environment overrides (a null value removes a variable).
/// </summary>
public sealed record ToolCommand(
    string Program,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string?> Environment,
    string? WorkingDirectory = null)
{
    public string CommandLine => ShellQuoting.Join([Program, .. Arguments]);
}
