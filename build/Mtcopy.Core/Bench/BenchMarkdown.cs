using System.Globalization;
using System.Text;

namespace Mtcopy.Core.Bench;

/// <summary>bench.md, also what the bench prints: one section per part, each saying what was measured, then its table.</summary>
public static class BenchMarkdown
{
    public static string Render(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        BenchMachine m = report.Machine;
        text.Append("# mtcopy bench\n\n")
            .Append(CultureInfo.InvariantCulture, $"{m.StartedUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC; {m.Cpus} CPUs, make -j{m.Jobs}; ")
            .Append(CultureInfo.InvariantCulture, $"kernel {m.KernelRelease} (config {m.ConfigName}).\n");
        Section(text, report, BenchParts.Pipeline, "1. Pipeline overhead", report.Pipeline, Pipeline);
        Section(text, report, BenchParts.Apply, "2. Applying the series: ours against git am", report.Apply, Apply);
        Section(text, report, BenchParts.Rerun, "3. No-change re-run", report.Rerun, Rerun);
        Section(text, report, BenchParts.Guest, "4. In-guest throughput", report.Guest, Guest);
        return text.ToString();
    }

    private static void Section<T>(StringBuilder text, BenchReport report, string part, string title, T? value, Action<StringBuilder, T> render)
        where T : class
    {
        text.Append("\n## ").Append(title).Append("\n\n");
        bool failed = report.Errors.TryGetValue(part, out string? error);
        if (failed)
        {
            text.Append("FAILED: ").Append(error!.ReplaceLineEndings("\n    ")).Append('\n');
        }

        if (value is not null)
        {
            text.Append(failed ? "\n" : "");
            render(text, value);
        }
        else if (!failed)
        {
            text.Append("Not measured in this run.\n");
        }
    }

    private static void Pipeline(StringBuilder text, PipelineOverhead p)
    {
        text.Append(p.Scenario).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"Median of {p.Repetitions} repetitions; wall time.\n\n");
        var rows = p.Steps.Select(s => (IReadOnlyList<string>)
        [
            s.Step, BenchFormat.Seconds(s.PipelineMedian), BenchFormat.Seconds(s.BareMedian),
            BenchFormat.SignedSeconds(s.OverheadSeconds), BenchFormat.Ratio(s.Ratio),
            BenchFormat.Samples(s.PipelineSeconds), BenchFormat.Samples(s.BareSeconds), s.BareCommands,
        ]).ToList();
        rows.Add(
        [
            "total", BenchFormat.Seconds(p.PipelineTotal), BenchFormat.Seconds(p.BareTotal),
            BenchFormat.SignedSeconds(p.OverheadSeconds), BenchFormat.Ratio(p.Ratio), "", "", "",
        ]);
        text.Append(MarkdownTable.Render(
            ["step", "pipeline", "bare", "overhead", "ratio", "pipeline runs", "bare runs", "bare commands"],
            rows, new HashSet<int> { 1, 2, 3, 4 }));
        text.Append(CultureInfo.InvariantCulture, $"\nOverhead ratio (pipeline / bare): {BenchFormat.Ratio(p.Ratio)}.\n");
        foreach (string note in p.Notes)
        {
            text.Append("- ").Append(note).Append('\n');
        }
    }

    private static void Apply(StringBuilder text, ApplyComparison a)
    {
        text.Append(CultureInfo.InvariantCulture, $"The {a.Patches} patches onto base {Short(a.BaseCommit)}, each tool into a fresh worktree of its own. ")
            .Append("git am: `git worktree add --detach`, then `git am`, timed apart. Ours: one SeriesApplier call, which makes its worktree itself; ")
            .Append("its checkout ends when its `git worktree add` exits (from git's trace2 events), the rest is its apply (path checks, patches, commits).\n\n");
        text.Append(MarkdownTable.Render(
            ["", "checkout", "apply", "total", "result tree"],
            [
                ["ours (SeriesApplier)", BenchFormat.Seconds(a.OursCheckoutSeconds), BenchFormat.Seconds(a.OursApplySeconds), BenchFormat.Seconds(a.OursTotalSeconds), a.OursTree],
                ["git am", BenchFormat.Seconds(a.AmCheckoutSeconds), BenchFormat.Seconds(a.AmApplySeconds), BenchFormat.Seconds(a.AmTotalSeconds), a.AmTree],
            ],
            new HashSet<int> { 1, 2, 3 }));
        text.Append(a.SameTree
            ? $"\nSame tree: yes, {a.OursTree}. Apply ratio (ours / git am): {BenchFormat.Ratio(a.ApplyRatio)}.\n"
            : $"\nSame tree: NO: ours {a.OursTree}, git am {a.AmTree}.\n");
    }

    private static void Rerun(StringBuilder text, RerunTiming r)
    {
        text.Append("The whole default pipeline again with nothing changed: `").Append(r.CommandLine).Append("`.\n\n")
            .Append(CultureInfo.InvariantCulture, $"Wall time: {BenchFormat.Seconds(r.WallSeconds)}. ")
            .Append("Skipped: ").Append(r.Skipped.Count == 0 ? "none" : string.Join(", ", r.Skipped)).Append(". ")
            .Append("Ran: ").Append(r.Ran.Count == 0 ? "none" : string.Join(", ", r.Ran)).Append('.');
        if (r.Failed.Count > 0)
        {
            text.Append(" FAILED: ").Append(string.Join(", ", r.Failed)).Append('.');
        }

        text.Append("\n\n");
        if (r.MakeSeconds is { } make)
        {
            text.Append(CultureInfo.InvariantCulture, $"The kernel's own no-change make on the same tree, right after: {BenchFormat.Seconds(make)}. ")
                .Append(r.MakeRatioLine).Append(".\n\n");
        }

        text.Append(MarkdownTable.Render(
            ["stage", "status", "time", "message"],
            [.. r.Stages.Select(s => (IReadOnlyList<string>)
            [
                s.Name, Results.RunMetadataJson.StatusText(s.Status), BenchFormat.Seconds(s.DurationSeconds), Shorten(s.Message, 100),
            ])],
            new HashSet<int> { 2 }));
    }

    private static void Guest(StringBuilder text, GuestThroughput g)
    {
        text.Append(CultureInfo.InvariantCulture, $"GB/s to move pages between the guest's two NUMA nodes (qemu TCG, 4 vCPUs (2 per node)): ")
            .Append(CultureInfo.InvariantCulture, $"median of {g.Repetitions} moves in one boot, offloading off, then on with 1 to {ThroughputRow.MaxThreads} threads; ")
            .Append("worst: the lowest on_tN/off.\n\n");
        IReadOnlyList<string> header = ["pages", "off", .. ThroughputRow.ThreadCounts.Select(t => $"on, {t}"), "worst on_tN/off"];
        text.Append(MarkdownTable.Render(
            header,
            [.. g.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.Label, BenchFormat.Throughput(r.Off), .. ThroughputRow.ThreadCounts.Select(t => BenchFormat.Throughput(r.OnAt(t))),
                r.WorstRatio is { } w ? $"{BenchFormat.Ratio(w.Ratio)} (on_t{w.Threads})" : BenchFormat.Missing,
            ])],
            new HashSet<int>(Enumerable.Range(1, header.Count - 1))));
        text.Append("\nVerdict (within 5%: on_tN/off >= 0.95 at every thread count; a fact, not a failure):\n");
        foreach (string verdict in g.Verdicts())
        {
            text.Append("- ").Append(verdict).Append(".\n");
        }

        if (g.Missing.Count > 0)
        {
            text.Append("\nNo usable number from the guest for: ").Append(string.Join(", ", g.Missing)).Append(".\n");
        }
    }

    private static string Short(string id) => id.Length > 12 ? id[..12] : id;

    private static string Shorten(string message, int max)
    {
        string line = message.ReplaceLineEndings(" ");
        return line.Length <= max ? line : line[..(max - 3)] + "...";
    }
}
