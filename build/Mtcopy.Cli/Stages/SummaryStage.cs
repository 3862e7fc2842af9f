using Mtcopy.Adapters.Results;
using Mtcopy.Core.Packaging;
using Mtcopy.Core.Results;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Summary: close metadata.json (finish time), write &lt;out&gt;/report.html (one page for the whole run)
/// and print the short report for people with the page's path.
/// </summary>
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
        WriteReport(context, metadata);
        bool failed = metadata.Stages.Any(s => s.Status == StageStatus.Fail);
        return Task.FromResult(failed
            ? throw new StageFailedException("the run failed: see the stages marked FAIL above")
            : StageOutcome.Pass($"{metadata.Stages.Count} stages, {metadata.Artifacts.Count} artifacts"));
    }

    private static void WriteReport(StageContext context, RunMetadata metadata)
    {
        var reader = new RunRecordsReader(context.Layout.OutDir);
        try
        {
            (string path, TimeSpan duration) = ReportWriter.Write(context.Layout.RepoRoot, context.Layout.OutDir, reader.Read(metadata));
            foreach (string problem in reader.Problems)
            {
                context.Console.Warn($"report: left out {problem}");
            }

            context.Console.Plain($"report: {path} ({duration.TotalMilliseconds:0} ms)");
        }
        catch (Exception e) when (e is TemplateException or IOException or UnauthorizedAccessException)
        {
            context.Console.Error($"report.html was not written: {e.Message}");
        }
    }
}
