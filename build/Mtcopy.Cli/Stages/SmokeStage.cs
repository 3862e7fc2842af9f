namespace Mtcopy.Cli.Stages;

public sealed class SmokeStage : IStage
{
    public string Name => "smoke";

    public Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken) =>
        Task.FromResult(StageOutcome.Skip("not wired yet"));
}
