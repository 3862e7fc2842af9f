namespace Mtcopy.Adapters.Sources;

/// <summary>
/// An infrastructure failure: a tool (git, tar, apt-get, dpkg-deb...) failed for a reason that is
/// not the user's input. Keeps the command line, exit code and the tool's output.
/// </summary>
public sealed class ExternalToolException : Exception
{
    public ExternalToolException() { }

    public ExternalToolException(string message) : base(message) { }

    public ExternalToolException(string message, Exception inner) : base(message, inner) { }

    public ExternalToolException(string commandLine, int exitCode, string standardOutput, string standardError)
        : base($"'{commandLine}' failed with exit code {exitCode}: {Tail(standardError.Length > 0 ? standardError : standardOutput)}")
    {
        CommandLine = commandLine;
        ExitCode = exitCode;
        StandardOutput = standardOutput;
        StandardError = standardError;
    }

    public string CommandLine { get; } = string.Empty;

    public int ExitCode { get; }

    public string StandardOutput { get; } = string.Empty;

    public string StandardError { get; } = string.Empty;

    internal static ExternalToolException From(ToolCommand command, ToolResult result) =>
        new(command.Display, result.ExitCode, result.StandardOutput, result.StandardError);

    private static string Tail(string output)
    {
        const int max = 2000;
        string trimmed = output.Trim();
        return trimmed.Length <= max ? trimmed : "..." + trimmed[^max..];
    }
}
