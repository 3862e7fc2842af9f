namespace Mtcopy.Core.Results;

/// <summary>
/// One stage of a run: status, duration in seconds, a one-line message and free-form
/// details (e.g. "config_sha256", "kernel_release", "skip_reason").
/// </summary>
public sealed record StageResult(string Name, StageStatus Status, double DurationSeconds, string Message)
{
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    public static StageResult Pass(string name, TimeSpan duration, string message = "") =>
        new(name, StageStatus.Pass, duration.TotalSeconds, message);

    public static StageResult Fail(string name, TimeSpan duration, string message) =>
        new(name, StageStatus.Fail, duration.TotalSeconds, message);

    public static StageResult Skipped(string name, string reason) =>
        new(name, StageStatus.Skip, 0, reason);
}
