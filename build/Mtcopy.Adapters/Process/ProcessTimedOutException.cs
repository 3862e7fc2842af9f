using System.Globalization;

namespace Mtcopy.Adapters.Process;

/// <summary>A process ran longer than its timeout and was killed with its children; <see cref="OutputTail"/>: its last lines.</summary>
public sealed class ProcessTimedOutException(ProcessSpec spec, TimeSpan timeout, IReadOnlyList<string> outputTail, Exception inner)
    : TimeoutException(Describe(spec, timeout), inner)
{
    public IReadOnlyList<string> OutputTail { get; } = outputTail;

    private static string Describe(ProcessSpec spec, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string text = string.Create(CultureInfo.InvariantCulture,
            $"'{spec.CommandLine}' did not finish within {timeout.TotalSeconds:0.###} s and was killed.");
        return spec.LogPath is null ? text : text + "\nFull log: " + spec.LogPath;
    }
}
