namespace Mtcopy.Core.Kernel;

/// <summary>
/// A process to run, as data: program, argument list (never a joined string), working
/// directory and environment overrides (a null value removes the variable).
/// </summary>
public sealed record KbuildCommand(
    string Program,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?> Environment);
