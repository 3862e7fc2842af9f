namespace Mtcopy.Cli.Stages;

public sealed class RebaseStage : IStage
{
    public string Name => "rebase";

    public Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken) =>
        Task.FromResult(StageOutcome.Skip("not wired yet"));
}
