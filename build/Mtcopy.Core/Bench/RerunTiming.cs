using Mtcopy.Core.Results;

namespace Mtcopy.Core.Bench;

/// <summary>The whole default pipeline run again with nothing changed: its wall time and what each stage did.</summary>
public sealed record RerunTiming(string CommandLine, double WallSeconds, IReadOnlyList<StageResult> Stages)
{
    /// <summary>The run's exit code: 0 when every stage passed or skipped.</summary>
    public int ExitCode { get; init; }

    public IReadOnlyList<string> Skipped => Names(StageStatus.Skip);

    public IReadOnlyList<string> Ran => Names(StageStatus.Pass);

    public IReadOnlyList<string> Failed => Names(StageStatus.Fail);

    // The summary closes every run: it is bookkeeping, not a stage that could be skipped.
    private List<string> Names(StageStatus status) =>
        [.. Stages.Where(s => s.Status == status && s.Name != "summary").Select(s => s.Name)];
}
