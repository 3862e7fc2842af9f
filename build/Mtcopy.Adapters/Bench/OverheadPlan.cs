namespace Mtcopy.Adapters.Bench;

/// <summary>
/// What <see cref="OverheadBenchmark"/> runs: per repetition, the pipeline side (<see cref="BeforePipeline"/>,
/// every step's pipeline commands, <see cref="CheckPipeline"/> for remarks such as a stage that skipped) and
/// the bare side (<see cref="BeforeBare"/>, every step's bare commands), the pipeline side first in odd
/// repetitions and second in even ones. The hooks get the repetition number (1-based).
/// </summary>
public sealed record OverheadPlan(string Scenario, IReadOnlyList<OverheadStep> Steps, int Repetitions, string LogDir)
{
    public Action<int> BeforePipeline { get; init; } = _ => { };

    public Func<int, IEnumerable<string>> CheckPipeline { get; init; } = _ => [];

    public Action<int> BeforeBare { get; init; } = _ => { };
}
