using System.Globalization;
using System.Text;
using Mtcopy.Core.Results;

namespace Mtcopy.Adapters.Process;

/// <summary>
/// An infrastructure failure: a process exited with a non-zero code. Carries what is needed to
/// understand why: the command line, the exit code, the last output lines and the log, or, for
/// a run that captured its output, the whole stdout and stderr.
/// </summary>
public sealed class ProcessFailedException : Exception
{
    private const int MaxQuotedOutput = 2000;

    public ProcessFailedException(string message) : base(message) { }

    /// <summary>
    /// The failure of <paramref name="spec"/>'s run: a captured run's message quotes its stderr (its stdout
    /// when stderr is empty); a streamed run's quotes its last lines and names its log.
    /// </summary>
    public ProcessFailedException(ProcessSpec spec, ProcessResult result)
        : base(Describe(spec, result))
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(result);
        Program = spec.Program;
        Arguments = spec.Arguments;
        ExitCode = result.ExitCode;
        OutputTail = result.OutputTail;
        LogPath = result.LogPath;
        StandardOutput = result.StandardOutputText;
        StandardError = result.StandardError;
    }

    public string Program { get; } = string.Empty;

    public IReadOnlyList<string> Arguments { get; } = [];

    public int ExitCode { get; }

    /// <summary>The last lines of stdout and stderr, in the order they arrived.</summary>
    public IReadOnlyList<string> OutputTail { get; } = [];

    public string? LogPath { get; }

    /// <summary>The whole stdout of a run that captured it; empty otherwise.</summary>
    public string StandardOutput { get; } = string.Empty;

    /// <summary>The whole stderr of a run that captured it; empty otherwise.</summary>
    public string StandardError { get; } = string.Empty;

    private static string Describe(ProcessSpec spec, ProcessResult result)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(result);
        if (!spec.CaptureOutput)
        {
            return Describe(spec.Program, spec.Arguments, result.ExitCode, result.OutputTail, result.LogPath);
        }

        string output = (result.StandardError.Length > 0 ? result.StandardError : result.StandardOutputText).Trim();
        string quoted = output.Length <= MaxQuotedOutput ? output : "..." + output[^MaxQuotedOutput..];
        return string.Create(CultureInfo.InvariantCulture, $"'{spec.CommandLine}' failed with exit code {result.ExitCode}: {quoted}");
    }

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
