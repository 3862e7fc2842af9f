using System.Globalization;
using System.Text;

namespace Mtcopy.Core.Results;

/// <summary>A short plain-text summary of a run: stage table, artifacts, failed items.</summary>
public static class RunSummaryRenderer
{
    public static string Render(RunMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var text = new StringBuilder();
        RenderStages(text, metadata.Stages);
        RenderArtifacts(text, metadata.Artifacts);
        RenderFailures(text, metadata);
        return text.ToString();
    }

    /// <summary>"0.4s", "12.0s", "5m03s", "1h02m03s".</summary>
    public static string FormatDuration(double seconds)
    {
        if (seconds < 60)
        {
            return seconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
        }

        var span = TimeSpan.FromSeconds(Math.Round(seconds));
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m{span.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m{span.Seconds:00}s");
    }

    /// <summary>"512 B", "1.5 KiB", "12.3 MiB", "1.2 GiB".</summary>
    public static string FormatSize(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }

    private static void RenderStages(StringBuilder text, IReadOnlyList<StageResult> stages)
    {
        int nameWidth = Math.Max("Stage".Length, stages.Select(s => s.Name.Length).DefaultIfEmpty(0).Max());
        var durations = stages.Select(s => s.Status == StageStatus.Skip ? "-" : FormatDuration(s.DurationSeconds)).ToList();
        int durationWidth = Math.Max("Duration".Length, durations.Select(d => d.Length).DefaultIfEmpty(0).Max());
        text.Append("Stage".PadRight(nameWidth)).Append("  Status  ").Append("Duration".PadLeft(durationWidth)).Append('\n');
        for (int i = 0; i < stages.Count; i++)
        {
            text.Append(stages[i].Name.PadRight(nameWidth))
                .Append("  ")
                .Append(RunMetadataJson.StatusText(stages[i].Status).PadRight(6))
                .Append("  ")
                .Append(durations[i].PadLeft(durationWidth))
                .Append('\n');
        }
    }

    private static void RenderArtifacts(StringBuilder text, IReadOnlyList<ArtifactRecord> artifacts)
    {
        if (artifacts.Count == 0)
        {
            return;
        }

        int pathWidth = artifacts.Max(a => a.Path.Length);
        var sizes = artifacts.Select(a => FormatSize(a.Size)).ToList();
        int sizeWidth = sizes.Max(s => s.Length);
        text.Append("\nArtifacts\n");
        for (int i = 0; i < artifacts.Count; i++)
        {
            text.Append("  ").Append(artifacts[i].Path.PadRight(pathWidth))
                .Append("  ").Append(sizes[i].PadLeft(sizeWidth))
                .Append("  sha256:").Append(artifacts[i].Sha256.AsSpan(0, Math.Min(12, artifacts[i].Sha256.Length)))
                .Append('\n');
        }
    }

    private static void RenderFailures(StringBuilder text, RunMetadata metadata)
    {
        var failures = new List<string>();
        failures.AddRange(metadata.Stages
            .Where(s => s.Status == StageStatus.Fail)
            .Select(s => $"stage {s.Name}: {s.Message}"));
        failures.AddRange((metadata.Apply?.Patches ?? [])
            .Where(p => !p.Applied)
            .Select(p => string.IsNullOrEmpty(p.Message) ? $"patch {p.Patch}: {p.Outcome}" : $"patch {p.Patch}: {p.Outcome}: {p.Message}"));
        if (failures.Count == 0)
        {
            return;
        }

        text.Append("\nFailed\n");
        foreach (string failure in failures)
        {
            // Multi-line messages (a build error summary) stay readable under the bullet.
            text.Append("  - ").Append(failure.ReplaceLineEndings("\n    ")).Append('\n');
        }
    }
}
