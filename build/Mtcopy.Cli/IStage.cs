namespace Mtcopy.Cli;

/// <summary>One step of the pipeline, run as one CLI verb. It reads earlier stages' state and writes its own.</summary>
public interface IStage
{
    string Name { get; }

    Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken);
}
