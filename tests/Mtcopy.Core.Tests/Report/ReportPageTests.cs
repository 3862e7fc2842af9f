using System.Globalization;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Mtcopy.Core.Bench;
using Mtcopy.Core.Report;

namespace Mtcopy.Core.Tests.Report;

/// <summary>report.html rendered from fixture runs, checked as a parsed document (AngleSharp), not as text.</summary>
public sealed class ReportPageTests
{
    private static readonly string[] SectionIds = ["run", "timeline", "series", "guest", "throughput", "matrix", "packages"];

    private static IDocument Parse(RunRecords records) => new HtmlParser().ParseDocument(ReportFixtures.Render(records));

    public static TheoryData<string> Fixtures() => ["pass", "conflict", "guest-failure", "matrix"];

    private static RunRecords Fixture(string name) => name switch
    {
        "pass" => ReportFixtures.Pass(),
        "conflict" => ReportFixtures.Conflict(),
        "guest-failure" => ReportFixtures.GuestFailure(),
        _ => ReportFixtures.Matrix(),
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_section_is_there_every_anchor_resolves_and_nothing_is_fetched_or_scripted(string fixture)
    {
        IDocument page = Parse(Fixture(fixture));

        Assert.Equal(SectionIds, page.QuerySelectorAll("main > section").Select(s => s.Id));
        foreach (IElement link in page.QuerySelectorAll("a[href^='#']"))
        {
            Assert.NotNull(page.GetElementById(link.GetAttribute("href")![1..]));
        }

        Assert.Empty(page.QuerySelectorAll("script, link, img, iframe, object"));
        Assert.All(page.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!),
            h => Assert.DoesNotContain("://", h, StringComparison.Ordinal));
        Assert.Single(page.QuerySelectorAll("head > style"));
        // Colour is never alone: every badge and cell carries its word.
        Assert.All(page.QuerySelectorAll(".badge, td.cell, .case"), e => Assert.Matches(@"\w", e.TextContent));
    }

    [Fact]
    public void A_passing_run_shows_its_verdict_command_inputs_timeline_to_scale_and_packages()
    {
        IDocument page = Parse(ReportFixtures.Pass());

        Assert.Contains("PASS", page.GetElementById("verdict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("./build.sh --target=Default --out=artifacts", page.GetElementById("command")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("table.inputs td"), td => td.TextContent == "series");

        var rows = page.QuerySelectorAll(".timeline .stage").ToList();
        Assert.Equal(["fetch", "apply", "configure", "build", "package", "smoke", "bench"], rows.Select(r => r.GetAttribute("data-stage")));
        Assert.Contains("fetched", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("skipped", rows[2].TextContent, StringComparison.Ordinal);
        double Width(IElement row) => double.Parse(Style(row.QuerySelector(".bar")!, "width"), CultureInfo.InvariantCulture);
        double Left(IElement row) => double.Parse(Style(row.QuerySelector(".bar")!, "left"), CultureInfo.InvariantCulture);
        // build took 600 of 1055 s; bars follow each other.
        Assert.Equal(600.0 / 1055 * 100, Width(rows[3]), 1);
        Assert.Equal(Left(rows[3]) + Width(rows[3]), Left(rows[4]), 1);

        var packages = page.QuerySelectorAll("#packages table.files")[0].QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(4, packages.Count);
        Assert.Equal("packages/mtcopy-dkms_1.0_all.deb", packages[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("lint clean", packages[0].QuerySelector("td.cell")!.TextContent, StringComparison.Ordinal);
        Assert.Null(packages[2].QuerySelector("a"));
        Assert.Contains("no longer there", packages[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("not linted", packages[2].QuerySelector("td.cell")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("st-pass", page.QuerySelector("#guest .config")!.QuerySelector(".badge")!.ClassList);
        Assert.Empty(page.QuerySelectorAll("#guest pre.console"));
    }

    [Fact]
    public void A_conflict_shows_each_patch_verdict_and_the_hunk_as_ours_base_and_theirs()
    {
        IDocument page = Parse(ReportFixtures.Conflict());

        Assert.Contains("FAIL", page.GetElementById("verdict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["clean", "conflict", "not-attempted"], page.QuerySelectorAll("#series tr.patch").Select(r => r.GetAttribute("data-verdict")));
        IElement conflict = page.QuerySelectorAll("#series .hunk").Single(h => h.GetAttribute("data-outcome") == "conflict");
        var sides = conflict.QuerySelectorAll(".side").ToList();
        Assert.Equal(3, sides.Count);
        Assert.StartsWith("ours", sides[0].QuerySelector("h4")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("migrate_folio_new(", sides[0].QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("base", sides[1].QuerySelector("h4")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("static int migrate_folio(", sides[1].QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("theirs", sides[2].QuerySelector("h4")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("bool offload)", sides[2].QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#series .hunk"), h => h.GetAttribute("data-outcome") == "offset");
        // A message with markup is text, not elements.
        Assert.Empty(page.QuerySelectorAll("see"));
        Assert.Contains("<see apply-report.txt>", page.QuerySelector("ul.failures")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guest_failure_lists_failing_cases_first_with_diagnostics_and_the_console_tail()
    {
        IDocument page = Parse(ReportFixtures.GuestFailure());

        var configs = page.QuerySelectorAll("#guest .config").ToList();
        Assert.Equal(["debug", "smoke"], configs.Select(c => c.GetAttribute("data-config")));
        var cases = configs[0].QuerySelectorAll(".grid .case").ToList();
        Assert.Equal("failed", cases[0].GetAttribute("data-status"));
        Assert.Contains("migrate/4k_offload_on", cases[0].TextContent, StringComparison.Ordinal);
        Assert.All(cases.Skip(1), c => Assert.NotEqual("failed", c.GetAttribute("data-status")));
        Assert.Contains("bytes differ at offset 4096 <expected 0xaa>", configs[0].QuerySelector("dl.failed-cases dd")!.TextContent, StringComparison.Ordinal);
        string[] tail = configs[0].QuerySelector("pre.console")!.TextContent.TrimEnd('\n').Split('\n');
        Assert.Equal(GuestView.ConsoleTailLines, tail.Length);
        Assert.Equal("BUG: KASAN: slab-out-of-bounds in mtcopy_copy", tail[^1]);
        Assert.Null(configs[1].QuerySelector("pre.console"));
        Assert.Equal(["ktap.txt", "console.log", "junit.xml"], configs[0].QuerySelectorAll("a").Select(a => a.TextContent));
    }

    [Fact]
    public void The_matrix_colours_each_cell_with_its_word_and_gives_the_conflict_reason()
    {
        IDocument page = Parse(ReportFixtures.Matrix());

        var rows = page.QuerySelectorAll("#matrix tr.matrix-row").ToList();
        Assert.Equal(["debian:6.1", "debian:6.12", "debian:7.2 [linux-7.2]"], rows.Select(r => r.GetAttribute("data-base")));
        var cells = rows[0].QuerySelectorAll("td.cell").ToList();
        Assert.Equal(4 + 3, cells.Count);
        Assert.Contains("conflict", cells[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("st-fail", cells[0].ClassList);
        Assert.Contains("st-warn", rows[2].QuerySelectorAll("td.cell").ElementAt(1).ClassList);
        Assert.Contains("smoke-failed", rows[1].QuerySelectorAll("td.cell")[^1].TextContent, StringComparison.Ordinal);
        // Only logs that exist are linked.
        Assert.Equal(["matrix/debian-6.12/build.log"], page.QuerySelectorAll("#matrix table a").Select(a => a.GetAttribute("href")));
        string reason = page.QuerySelector("#matrix ul.conflicts li")!.TextContent;
        Assert.Contains("the hunk's context is not in the base", reason, StringComparison.Ordinal);
        Assert.Contains("__migrate_folio, folio_mc_copy", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_points_are_the_bench_json_numbers_drawn_to_the_axis()
    {
        string json = BenchJson.Serialize(ReportFixtures.Bench());
        IDocument page = Parse(ReportFixtures.Pass());

        var rows = JsonNode.Parse(json)!["guest"]!["rows"]!.AsArray();
        Assert.Equal(rows.Count, page.QuerySelectorAll("#throughput figure.chart").Length);
        foreach (JsonNode? row in rows)
        {
            string kind = row!["kind"]!.GetValue<string>();
            IElement svg = page.QuerySelector($"#throughput figure.chart[data-kind='{kind}'] svg")!;
            double yMax = double.Parse(svg.GetAttribute("data-y-max")!, CultureInfo.InvariantCulture);
            var points = svg.QuerySelectorAll(".point").ToDictionary(p => p.GetAttribute("data-mode")!);
            Assert.Equal(["off", "on_t1", "on_t2", "on_t3", "on_t4", "on_t5", "on_t6", "on_t7", "on_t8"], points.Keys.Order(StringComparer.Ordinal));
            foreach ((string mode, IElement point) in points)
            {
                double expected = row[mode]!.GetValue<double>();
                Assert.Equal(expected, double.Parse(point.GetAttribute("data-gbps")!, CultureInfo.InvariantCulture));
                string cy = point.GetAttribute("cy") ?? point.GetAttribute("data-cy")!;
                Assert.Equal(expected, ThroughputView.ValueAt(double.Parse(cy, CultureInfo.InvariantCulture), yMax), 0.01);
                Assert.Equal(mode == "off" ? "1" : mode["on_t".Length..], point.GetAttribute("data-threads"));
            }

            // The curve: one solid line through on_t1 .. on_t8, left to right.
            string[] curve = svg.QuerySelector(".series-on polyline")!.GetAttribute("points")!.Split(' ');
            Assert.Equal(8, curve.Length);
            Assert.Equal(
                [.. Enumerable.Range(1, 8).Select(t => points["on_t" + t.ToString(CultureInfo.InvariantCulture)].GetAttribute("cx") + "," + points["on_t" + t.ToString(CultureInfo.InvariantCulture)].GetAttribute("cy"))],
                curve);

            Assert.True(yMax >= points.Values.Max(p => double.Parse(p.GetAttribute("data-gbps")!, CultureInfo.InvariantCulture)));
            Assert.Contains(svg.QuerySelectorAll("text"), t => t.TextContent == "GB/s");
            Assert.Contains(svg.QuerySelectorAll("text"), t => t.TextContent == "mtcopy threads");
        }
    }

    [Fact]
    public void Sections_a_run_did_not_produce_say_so()
    {
        IDocument page = Parse(ReportFixtures.Conflict());

        Assert.Contains("Smoke did not run", page.QuerySelector("#guest .absent")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bench did not run", page.QuerySelector("#throughput .absent")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Matrix did not run", page.QuerySelector("#matrix .absent")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pass")]
    [InlineData("conflict")]
    public void Rendered_fixture_matches_its_golden_file(string fixture)
    {
        string rendered = ReportFixtures.Render(Fixture(fixture));
        string golden = Path.Combine(Packaging.RepositoryFiles.PathOf("tests/Mtcopy.Core.Tests/Report/Golden"), fixture + ".html");
        if (Environment.GetEnvironmentVariable("MTCOPY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, rendered);
        }

        Assert.True(File.Exists(golden), $"No golden file {golden}; create it with MTCOPY_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(golden), rendered);
    }

    private static string Style(IElement element, string property) =>
        element.GetAttribute("style")!.Split(';').Select(p => p.Split(':')).Single(p => p[0].Trim() == property)[1].Trim().TrimEnd('%');
}
