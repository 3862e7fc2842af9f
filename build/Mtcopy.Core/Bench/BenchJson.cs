using System.Text.Json.Nodes;
using Mtcopy.Core.Results;

namespace Mtcopy.Core.Bench;

/// <summary>
/// bench.json: snake_case keys sorted, seconds rounded to milliseconds, GB/s and ratios to four
/// places, a part not measured as null, so tools can compare runs.
/// </summary>
public static class BenchJson
{
    public static string Serialize(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        BenchMachine m = report.Machine;
        return SortedJson.Serialize(new JsonObject
        {
            ["started_utc"] = m.StartedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["machine"] = new JsonObject
            {
                ["cpus"] = m.Cpus,
                ["jobs"] = m.Jobs,
                ["kernel_release"] = m.KernelRelease,
                ["config"] = m.ConfigName,
            },
            ["pipeline"] = report.Pipeline is { } p ? Pipeline(p) : null,
            ["apply"] = report.Apply is { } a ? Apply(a) : null,
            ["rerun"] = report.Rerun is { } r ? Rerun(r) : null,
            ["guest"] = report.Guest is { } g ? Guest(g) : null,
            ["errors"] = new JsonObject([.. report.Errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]),
        });
    }

    private static JsonObject Pipeline(PipelineOverhead p) => new()
    {
        ["scenario"] = p.Scenario,
        ["repetitions"] = p.Repetitions,
        ["steps"] = new JsonArray([.. p.Steps.Select(s => (JsonNode?)new JsonObject
        {
            ["step"] = s.Step,
            ["bare_commands"] = s.BareCommands,
            ["pipeline_seconds"] = Seconds(s.PipelineSeconds),
            ["bare_seconds"] = Seconds(s.BareSeconds),
            ["pipeline_median_seconds"] = Round(s.PipelineMedian, 3),
            ["bare_median_seconds"] = Round(s.BareMedian, 3),
            ["overhead_seconds"] = Round(s.OverheadSeconds, 3),
            ["ratio"] = Round(s.Ratio, 4),
        })]),
        ["pipeline_total_seconds"] = Round(p.PipelineTotal, 3),
        ["bare_total_seconds"] = Round(p.BareTotal, 3),
        ["overhead_seconds"] = Round(p.OverheadSeconds, 3),
        ["ratio"] = Round(p.Ratio, 4),
        ["notes"] = new JsonArray([.. p.Notes.Select(n => (JsonNode?)n)]),
    };

    private static JsonObject Apply(ApplyComparison a) => new()
    {
        ["base_commit"] = a.BaseCommit,
        ["patches"] = a.Patches,
        ["ours_checkout_seconds"] = Round(a.OursCheckoutSeconds, 3),
        ["ours_total_seconds"] = Round(a.OursTotalSeconds, 3),
        ["ours_apply_seconds"] = Round(a.OursApplySeconds, 3),
        ["ours_tree"] = a.OursTree,
        ["git_am_checkout_seconds"] = Round(a.AmCheckoutSeconds, 3),
        ["git_am_apply_seconds"] = Round(a.AmApplySeconds, 3),
        ["git_am_total_seconds"] = Round(a.AmTotalSeconds, 3),
        ["git_am_tree"] = a.AmTree,
        ["same_tree"] = a.SameTree,
        ["apply_ratio"] = Round(a.ApplyRatio, 4),
    };

    private static JsonObject Rerun(RerunTiming r) => new()
    {
        ["command_line"] = r.CommandLine,
        ["wall_seconds"] = Round(r.WallSeconds, 3),
        ["make_seconds"] = r.MakeSeconds is { } make ? Round(make, 3) : null,
        ["make_ratio"] = r.MakeRatio is { } ratio ? Round(ratio, 2) : null,
        ["skipped"] = Names(r.Skipped),
        ["ran"] = Names(r.Ran),
        ["failed"] = Names(r.Failed),
        ["stages"] = new JsonArray([.. r.Stages.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Name,
            ["status"] = RunMetadataJson.StatusText(s.Status),
            ["seconds"] = Round(s.DurationSeconds, 3),
        })]),
    };

    /// <summary>
    /// guest: <c>{"repetitions": 7, "unit": "GB/s", "missing": ["thp on_t5"], "rows": [{"kind": "4k", "off": 0.2,
    /// "on_t1": 0.19, ..., "on_t8": 0.21, "ratio_on_t1_off": 0.95, ..., "ratio_on_t8_off": 1.05}]}</c>: one key per
    /// thread count 1..<see cref="ThroughputRow.MaxThreads"/>, always present, null where not measured.
    /// <see cref="Report.BenchGuestJson"/> reads it back.
    /// </summary>
    private static JsonObject Guest(GuestThroughput g) => new()
    {
        ["repetitions"] = g.Repetitions,
        ["unit"] = "GB/s",
        ["rows"] = new JsonArray([.. g.Rows.Select(r =>
        {
            var row = new JsonObject { ["kind"] = r.Kind, ["off"] = Round(r.Off, 4) };
            foreach (int threads in ThroughputRow.ThreadCounts)
            {
                row[OnKey(threads)] = Round(r.OnAt(threads), 4);
                row[RatioKey(threads)] = Round(r.Ratio(threads), 4);
            }

            return (JsonNode?)row;
        })]),
        ["missing"] = Names(g.Missing),
    };

    /// <summary>bench.json's key for offloading on with <paramref name="threads"/> threads: on_t1 .. on_t8.</summary>
    public static string OnKey(int threads) => ThroughputRow.OnMode(threads);

    /// <summary>bench.json's key for on_tN / off: ratio_on_t1_off .. ratio_on_t8_off.</summary>
    public static string RatioKey(int threads) => $"ratio_{ThroughputRow.OnMode(threads)}_off";

    private static JsonArray Seconds(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode?)Round(v, 3))]);

    private static JsonArray Names(IEnumerable<string> names) => new([.. names.Select(n => (JsonNode?)n)]);

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}
