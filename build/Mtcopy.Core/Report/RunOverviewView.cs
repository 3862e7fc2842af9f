using Mtcopy.Core.Results;

namespace Mtcopy.Core.Report;

/// <summary>The run section from metadata.json: verdict, inputs with their hashes, the reproducing command, what failed.</summary>
public static class RunOverviewView
{
    public static RunOverview Build(RunMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ReportBadge verdict = metadata.Stages.Count == 0 ? ReportBadge.Skip("nothing ran")
            : metadata.Stages.Any(s => s.Status == StageStatus.Fail) ? ReportBadge.Fail("FAIL")
            : metadata.FinishedUtc is null ? ReportBadge.Warn("running")
            : ReportBadge.Pass("PASS");
        var inputs = metadata.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => new ReportField(i.Key, i.Value)).ToList();
        // The config each variant was built with, by hash, as Configure recorded it.
        foreach (StageResult stage in metadata.Stages.Where(s => s.Name == "configure"))
        {
            inputs.AddRange(stage.Details.Where(d => d.Key.Contains("sha256", StringComparison.Ordinal) || d.Key.Contains("config", StringComparison.Ordinal))
                .OrderBy(d => d.Key, StringComparer.Ordinal)
                .Select(d => new ReportField("configure: " + d.Key, d.Value)));
        }

        var failures = metadata.Stages.Where(s => s.Status == StageStatus.Fail).Select(s => $"{s.Name}: {s.Message}")
            .Concat((metadata.Apply?.Patches ?? []).Where(p => !p.Applied).Select(p => $"patch {p.Patch}: {p.Outcome}"))
            .ToList();
        string duration = metadata.FinishedUtc is { } end
            ? RunSummaryRenderer.FormatDuration(Math.Max(0, (end - metadata.StartedUtc).TotalSeconds))
            : "not finished";
        return new RunOverview(metadata.RunId, metadata.ToolVersion, verdict, metadata.CommandLine, ReportFormat.Time(metadata.StartedUtc),
            metadata.FinishedUtc is { } f ? ReportFormat.Time(f) : "not finished", duration, inputs, failures);
    }
}
