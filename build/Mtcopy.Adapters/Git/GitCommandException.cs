namespace Mtcopy.Adapters.Git;

/// <summary>
/// An infrastructure failure: a git command that should have worked exited non-zero. Carries the
/// command line, exit code and output for the log.
/// </summary>
public sealed class GitCommandException : Exception
{
    public GitCommandException() => Arguments = [];

    public GitCommandException(string message) : base(message) => Arguments = [];

    public GitCommandException(string message, Exception inner) : base(message, inner) => Arguments = [];

    public GitCommandException(string workingDirectory, IReadOnlyList<string> arguments, GitResult result)
        : base(Describe(workingDirectory, arguments, result))
    {
        ArgumentNullException.ThrowIfNull(result);
        WorkingDirectory = workingDirectory;
        Arguments = arguments;
        ExitCode = result.ExitCode;
        Stdout = result.StdoutText;
        Stderr = result.Stderr;
    }

    /// <summary>Where git ran.</summary>
    public string? WorkingDirectory { get; }

    /// <summary>The arguments after "git".</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The exit code.</summary>
    public int ExitCode { get; }

    /// <summary>Standard output.</summary>
    public string? Stdout { get; }

    /// <summary>Standard error.</summary>
    public string? Stderr { get; }

    private static string Describe(string dir, IReadOnlyList<string> args, GitResult result) =>
        $"git {string.Join(' ', args)} (in {dir}) exited with {result.ExitCode}: {result.Stderr.Trim()}";
}
