using System.Text;

namespace Mtcopy.Adapters.Process;

/// <summary>A finished process: exit code, wall time, the last output lines and the log it wrote.</summary>
public sealed record ProcessResult(int ExitCode, TimeSpan Duration, IReadOnlyList<string> OutputTail, string? LogPath)
{
    /// <summary>Standard output, when the spec asked to <see cref="ProcessSpec.CaptureOutput"/>; empty otherwise.</summary>
    public ReadOnlyMemory<byte> StandardOutput { get; init; }

    /// <summary>Standard error as text, when the spec asked to <see cref="ProcessSpec.CaptureOutput"/>; empty otherwise.</summary>
    public string StandardError { get; init; } = string.Empty;

    /// <summary><see cref="StandardOutput"/> decoded as UTF-8.</summary>
    public string StandardOutputText => Encoding.UTF8.GetString(StandardOutput.Span);
}
