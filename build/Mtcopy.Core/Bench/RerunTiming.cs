using Mtcopy.Core.Results;

namespace Mtcopy.Core.Bench;

/// <summary>The whole default pipeline run again with nothing changed: its wall time and what each stage did.</summary>
public sealed record RerunTiming(string CommandLine, double WallSeconds, IReadOnlyList<StageResult> Stages)
{
    /// <summary>The run's exit code: 0 when every stage passed or skipped.</summary>
    public int ExitCode { get; init; }

    /// <summary>The wall time of the kernel's own no-change <c>make</c> on the same tree, timed right after the re-run; null when not measured.</summary>
    public double? MakeSeconds { get; init; }

    /// <summary>The re-run's wall time over the no-change make's: the pipeline's cost of finding that nothing changed.</summary>
    public double? MakeRatio => MakeSeconds is > 0 ? WallSeconds / MakeSeconds : null;

    /// <summary>The ratio as one line of the bench output.</summary>
    public string MakeRatioLine => $"no-change ./build.sh vs no-change make: {(MakeRatio is { } r ? r.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "x" : "not measured")}";

    public IReadOnlyList<string> Skipped => Names(StageStatus.Skip);

    public IReadOnlyList<string> Ran => Names(StageStatus.Pass);

    public IReadOnlyList<string> Failed => Names(StageStatus.Fail);

    // The summary closes every run: it is bookkeeping, not a stage that could be skipped.
    private List<string> Names(StageStatus status) =>
        [.. Stages.Where(s => s.Status == status && s.Name != "summary").Select(s => s.Name)];
}
