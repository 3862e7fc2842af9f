namespace Mtcopy.Core.Bench;

/// <summary>
/// Everything one bench run measured. A part that was not asked for, or failed, is null; a failed
/// part's message is in <see cref="Errors"/> under its name.
/// </summary>
public sealed record BenchReport(BenchMachine Machine)
{
    public PipelineOverhead? Pipeline { get; init; }

    public ApplyComparison? Apply { get; init; }

    public RerunTiming? Rerun { get; init; }

    public GuestThroughput? Guest { get; init; }

    /// <summary>Part name (see <see cref="BenchParts"/>) to what went wrong.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}
