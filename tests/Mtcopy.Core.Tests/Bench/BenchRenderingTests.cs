using Mtcopy.Core.Bench;
using Mtcopy.Core.Results;

namespace Mtcopy.Core.Tests.Bench;

/// <summary>bench.md and bench.json against golden files in Bench/Fixtures, reviewed like code.</summary>
public sealed class BenchRenderingTests
{
    internal static BenchReport FullReport() =>
        new(new BenchMachine(new DateTimeOffset(2025, 11, 26, 5, 10, 0, TimeSpan.Zero), 2, 2, "6.12.117-mtcopy", "smoke"))
        {
            Pipeline = new PipelineOverhead("Incremental path: mm/migrate.c touched.",
            [
                new StepTiming("configure", "make tinyconfig; merge_config.sh; make olddefconfig", [9.4, 9.0], [8.1, 8.3]),
                new StepTiming("build", "make bzImage modules; make M=<module>", [21.0, 19.0], [18.0, 18.5]),
            ])
            {
                Notes = ["repetition 2: the smoke stage reported SKIP, not PASS (up to date): its time is not comparable"],
            },
            Apply = new ApplyComparison("2b168bfe1f7d8fd281519701fdf138e06a0cf533", 3, 14.0, 1.25, "23481b65e33b", 13.5, 0.75, "23481b65e33b"),
            Rerun = new RerunTiming("./build.sh --out=/o", 71.5,
            [
                StageResult.Skipped("fetch", "Debian package linux-source-6.12 (already in the cache)"),
                new StageResult("smoke", StageStatus.Pass, 41.2, "smoke: PASS, 7 tests"),
                new StageResult("summary", StageStatus.Pass, 0.3, "2 stages"),
            ]) { MakeSeconds = 35.75 },
            Guest = GuestThroughput.From(GuestBenchParser.Parse(BenchFixtures.Read("guest-bench.ktap")), 7),
        };

    [Fact]
    public void Markdown_of_a_full_report() =>
        Assert.Equal(BenchFixtures.Read("bench-expected.md"), BenchMarkdown.Render(FullReport()));

    [Fact]
    public void Json_of_a_full_report() =>
        Assert.Equal(BenchFixtures.Read("bench-expected.json"), BenchJson.Serialize(FullReport()));

    [Fact]
    public void Failed_and_unmeasured_parts_say_so()
    {
        BenchReport report = FullReport() with
        {
            Pipeline = null,
            Rerun = null,
            Errors = new Dictionary<string, string> { ["pipeline"] = "make failed\nsee build.log", ["guest"] = "the bench boot did not pass" },
        };

        string markdown = BenchMarkdown.Render(report);
        string json = BenchJson.Serialize(report);

        Assert.Contains("## 1. Pipeline overhead\n\nFAILED: make failed\n    see build.log\n\n## 2.", markdown, StringComparison.Ordinal);
        Assert.Contains("## 3. No-change re-run\n\nNot measured in this run.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## 4. In-guest throughput\n\nFAILED: the bench boot did not pass\n\nGB/s to move", markdown, StringComparison.Ordinal);
        Assert.Contains("\"pipeline\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"pipeline\": \"make failed\\nsee build.log\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_tree_is_shouted()
    {
        BenchReport report = FullReport() with { Apply = FullReport().Apply! with { AmTree = "ffff" } };

        Assert.Contains("Same tree: NO: ours 23481b65e33b, git am ffff.", BenchMarkdown.Render(report), StringComparison.Ordinal);
    }
}
