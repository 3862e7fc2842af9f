namespace Mtcopy.Adapters.Bench;

/// <summary>
/// What <see cref="OverheadBenchmark"/> runs: per repetition, <see cref="BeforePipeline"/>, every step's
/// pipeline commands, <see cref="CheckPipeline"/> (remarks, e.g. a stage that skipped), then
/// <see cref="BeforeBare"/> and every step's bare commands. The hooks get the repetition number (1-based).
/// </summary>
public sealed record OverheadPlan(string Scenario, IReadOnlyList<OverheadStep> Steps, int Repetitions, string LogDir)
{
    public Action<int> BeforePipeline { get; init; } = _ => { };

    public Func<int, IEnumerable<string>> CheckPipeline { get; init; } = _ => [];

    public Action<int> BeforeBare { get; init; } = _ => { };
}
