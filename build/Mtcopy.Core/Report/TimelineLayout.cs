using Mtcopy.Core.Results;

namespace Mtcopy.Core.Report;

/// <summary>Lays the stages of a run end to end on one axis, widths to scale; a skipped stage is a sliver with its word.</summary>
public static class TimelineLayout
{
    /// <summary>The smallest bar drawn, in percent, so a skipped or instant stage stays visible.</summary>
    public const double MinimumWidth = 0.5;

    public static TimelineSection Build(IReadOnlyList<StageResult> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Count == 0)
        {
            return new TimelineSection(false, "No stage has finished in this run yet.", "", [], []);
        }

        double total = stages.Sum(s => Math.Max(0, s.DurationSeconds));
        double scale = total > 0 ? 100.0 / total : 0;
        double at = 0;
        var bars = new List<TimelineBar>();
        foreach (StageResult stage in stages)
        {
            double seconds = Math.Max(0, stage.DurationSeconds);
            double width = Math.Max(MinimumWidth, seconds * scale);
            double left = Math.Min(at * scale, 100 - width);
            bars.Add(new TimelineBar(stage.Name, Badge(stage),
                stage.Status == StageStatus.Skip ? "-" : RunSummaryRenderer.FormatDuration(seconds),
                ReportFormat.Number(left), ReportFormat.Number(width), stage.Message));
            at += seconds;
        }

        var ticks = new List<TimelineTick>();
        for (int i = 0; i <= 4; i++)
        {
            ticks.Add(new TimelineTick(RunSummaryRenderer.FormatDuration(total * i / 4), ReportFormat.Number(i * 25)));
        }

        return new TimelineSection(true, "", RunSummaryRenderer.FormatDuration(total), bars, ticks);
    }

    /// <summary>fetched (Fetch passed: the base was downloaded or imported), skipped, passed, failed.</summary>
    public static ReportBadge Badge(StageResult stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return stage.Status switch
        {
            StageStatus.Fail => ReportBadge.Fail(),
            StageStatus.Skip => ReportBadge.Skip(),
            _ when stage.Name == "fetch" => ReportBadge.Info("fetched"),
            _ => ReportBadge.Pass(),
        };
    }
}
