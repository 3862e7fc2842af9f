namespace Mtcopy.Core.Bench;

/// <summary>
/// One pipeline step timed both ways, once per repetition: as the pipeline runs it (a <c>mtcopy</c>
/// stage process) and as the bare commands it wraps. Seconds of wall time.
/// </summary>
public sealed record StepTiming(string Step, string BareCommands, IReadOnlyList<double> PipelineSeconds, IReadOnlyList<double> BareSeconds)
{
    public double PipelineMedian => BenchMath.Median([.. PipelineSeconds]);

    public double BareMedian => BenchMath.Median([.. BareSeconds]);

    /// <summary>What the pipeline adds over the bare commands (negative when it was faster: noise).</summary>
    public double OverheadSeconds => PipelineMedian - BareMedian;

    /// <summary>pipeline / bare.</summary>
    public double? Ratio => BenchMath.Ratio(PipelineMedian, BareMedian);
}
