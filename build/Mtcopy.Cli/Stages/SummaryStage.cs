using Mtcopy.Core.Results;

namespace Mtcopy.Cli.Stages;

/// <summary>Summary: close metadata.json (finish time) and print the short report for people.</summary>
public sealed class SummaryStage : IStage
{
    public string Name => "summary";

    public Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = new MetadataStore(context.Layout.OutDir, context.Options.RunId ?? "single-summary", []);
        RunMetadata metadata = store.Update(m => m with { FinishedUtc = DateTimeOffset.UtcNow });
        context.Console.Plain(RunSummaryRenderer.Render(metadata));
        context.Console.Plain($"metadata: {store.MetadataPath}");
        bool failed = metadata.Stages.Any(s => s.Status == StageStatus.Fail);
        return Task.FromResult(failed
            ? throw new StageFailedException("the run failed: see the stages marked FAIL above")
            : StageOutcome.Pass($"{metadata.Stages.Count} stages, {metadata.Artifacts.Count} artifacts"));
    }
}
