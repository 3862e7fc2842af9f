namespace Mtcopy.Cli.Stages;

public sealed class BenchStage : IStage
{
    public string Name => "bench";

    public Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken) =>
        Task.FromResult(StageOutcome.Skip("not wired yet"));
}
