namespace Mtcopy.Cli.Stages;

public sealed class PackageStage : IStage
{
    public string Name => "package";

    public Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken) =>
        Task.FromResult(StageOutcome.Skip("not wired yet"));
}
