namespace Mtcopy.Core.Bench;

/// <summary>
/// The pipeline's wall time against the bare commands, step by step over the same repetitions.
/// <see cref="Scenario"/> says in words what was measured.
/// </summary>
public sealed record PipelineOverhead(string Scenario, IReadOnlyList<StepTiming> Steps)
{
    /// <summary>Remarks found while measuring, e.g. a stage that skipped instead of running.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public int Repetitions => Steps.Count == 0 ? 0 : Steps.Min(s => Math.Min(s.PipelineSeconds.Count, s.BareSeconds.Count));

    /// <summary>The median over repetitions of the pipeline's time for all steps.</summary>
    public double PipelineTotal => TotalOf(s => s.PipelineSeconds);

    public double BareTotal => TotalOf(s => s.BareSeconds);

    public double OverheadSeconds => PipelineTotal - BareTotal;

    /// <summary>pipeline / bare over all steps.</summary>
    public double? Ratio => BenchMath.Ratio(PipelineTotal, BareTotal);

    private double TotalOf(Func<StepTiming, IReadOnlyList<double>> samples)
    {
        if (Steps.Count == 0)
        {
            return 0;
        }

        int repetitions = Repetitions;
        if (repetitions == 0)
        {
            throw new InvalidOperationException("A step has no samples: nothing to total.");
        }

        return BenchMath.Median([.. Enumerable.Range(0, repetitions).Select(i => Steps.Sum(s => samples(s)[i]))]);
    }
}
