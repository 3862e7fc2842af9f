using System.Globalization;
using System.Text;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Kernel;

/// <summary>
/// A kbuild step (configure, build, external module) failed. The message is the first error of
/// the log with some context (<see cref="BuildLogAnalyzer"/>) and the path of the full log.
/// </summary>
public sealed class KernelBuildException : Exception
{
    public KernelBuildException() { }

    public KernelBuildException(string message) : base(message) { }

    public KernelBuildException(string message, Exception inner) : base(message, inner) { }

    public KernelBuildException(string step, string commandLine, int exitCode, BuildErrorSummary? summary,
        IReadOnlyList<string> outputTail, string logPath, Exception? inner = null)
        : base(Describe(step, commandLine, exitCode, summary, outputTail, logPath), inner)
    {
        Step = step;
        ExitCode = exitCode;
        Summary = summary;
        LogPath = logPath;
    }

    /// <summary>"configure", "build" or "module".</summary>
    public string Step { get; } = string.Empty;

    public int ExitCode { get; }

    /// <summary>The first error found in the log, or null when no line looked like one.</summary>
    public BuildErrorSummary? Summary { get; }

    public string LogPath { get; } = string.Empty;

    private static string Describe(string step, string commandLine, int exitCode, BuildErrorSummary? summary,
        IReadOnlyList<string> tail, string logPath)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Kernel {step} failed: '{commandLine}' exited with code {exitCode}.\n");
        if (summary is not null)
        {
            text.Append(summary.Render());
        }
        else
        {
            text.Append("No error line recognised; last output lines:");
            foreach (string line in tail.TakeLast(20))
            {
                text.Append("\n  ").Append(line);
            }
        }

        text.Append("\nFull log: ").Append(logPath);
        return text.ToString();
    }
}
