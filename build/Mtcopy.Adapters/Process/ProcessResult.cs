namespace Mtcopy.Adapters.Process;

/// <summary>A finished process: exit code, wall time, the last output lines and the log it wrote.</summary>
public sealed record ProcessResult(int ExitCode, TimeSpan Duration, IReadOnlyList<string> OutputTail, string? LogPath);
