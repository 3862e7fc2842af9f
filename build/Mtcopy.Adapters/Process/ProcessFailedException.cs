using System.Globalization;
using System.Text;
using Mtcopy.Core.Results;

namespace Mtcopy.Adapters.Process;

/// <summary>A process exited with a non-zero code. Carries what is needed to understand why.</summary>
public sealed class ProcessFailedException : Exception
{
    public ProcessFailedException() { }

    public ProcessFailedException(string message) : base(message) { }

    public ProcessFailedException(string message, Exception inner) : base(message, inner) { }

    public ProcessFailedException(string program, IReadOnlyList<string> arguments, int exitCode, IReadOnlyList<string> outputTail, string? logPath)
        : base(Describe(program, arguments, exitCode, outputTail, logPath))
    {
        Program = program;
        Arguments = arguments;
        ExitCode = exitCode;
        OutputTail = outputTail;
        LogPath = logPath;
    }

    public string Program { get; } = string.Empty;

    public IReadOnlyList<string> Arguments { get; } = [];

    public int ExitCode { get; }

    /// <summary>The last lines of stdout and stderr, in the order they arrived.</summary>
    public IReadOnlyList<string> OutputTail { get; } = [];

    public string? LogPath { get; }

    private static string Describe(string program, IReadOnlyList<string> arguments, int exitCode, IReadOnlyList<string> tail, string? logPath)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"'{ShellQuoting.Join([program, .. arguments])}' exited with code {exitCode}.");
        if (tail.Count > 0)
        {
            text.Append(" Last output lines:");
            foreach (string line in tail)
            {
                text.Append("\n  ").Append(line);
            }
        }

        if (logPath is not null)
        {
            text.Append("\nFull log: ").Append(logPath);
        }

        return text.ToString();
    }
}
