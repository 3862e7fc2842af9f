namespace Mtcopy.Adapters.Sources;

/// <summary>A program with an argument list (never a quoted string), a working directory and extra environment.</summary>
internal sealed record ToolCommand(string Program, IReadOnlyList<string> Arguments)
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set (a null value removes the variable).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = NoEnvironment;

    /// <summary>A shell-like rendering for messages only; never executed.</summary>
    public string Display =>
        string.Join(' ', Arguments.Prepend(Program).Select(a => a.Length > 0 && a.All(IsPlain) ? a : "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || "-_./=:@+~^{}%,".Contains(c, StringComparison.Ordinal);
}
