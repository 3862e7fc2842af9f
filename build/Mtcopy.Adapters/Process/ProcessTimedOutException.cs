using System.Globalization;

namespace Mtcopy.Adapters.Process;

/// <summary>A process ran longer than its timeout and was killed with its children.</summary>
public sealed class ProcessTimedOutException : TimeoutException
{
    public ProcessTimedOutException() { }

    public ProcessTimedOutException(string message) : base(message) { }

    public ProcessTimedOutException(string message, Exception inner) : base(message, inner) { }

    public ProcessTimedOutException(ProcessSpec spec, TimeSpan timeout, IReadOnlyList<string> outputTail, Exception inner)
        : base(Describe(spec, timeout), inner)
    {
        Program = spec.Program;
        Arguments = spec.Arguments;
        Timeout = timeout;
        OutputTail = outputTail;
        LogPath = spec.LogPath;
    }

    public string Program { get; } = string.Empty;

    public IReadOnlyList<string> Arguments { get; } = [];

    public TimeSpan Timeout { get; }

    public IReadOnlyList<string> OutputTail { get; } = [];

    public string? LogPath { get; }

    private static string Describe(ProcessSpec spec, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string text = string.Create(CultureInfo.InvariantCulture,
            $"'{spec.CommandLine}' did not finish within {timeout.TotalSeconds:0.###} s and was killed.");
        return spec.LogPath is null ? text : text + "\nFull log: " + spec.LogPath;
    }
}
