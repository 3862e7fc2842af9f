using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Report;
using Xunit.Abstractions;

namespace Mtcopy.Adapters.Tests.Report;

/// <summary>
/// The report of a real run, in a real browser: headless Chromium opens it without a console message, the
/// screenshot (kept as &lt;out&gt;/report.png) is not blank, and every internal link resolves. A missing
/// Chromium fails the test: the check did not run.
/// </summary>
public sealed class RealReportBrowserTests(ITestOutputHelper output)
{
    private static string OutDir => Path.GetFullPath(Environment.GetEnvironmentVariable(RealReportFactAttribute.Variable)!);

    [RealReportFact]
    public async Task Chromium_renders_the_report_without_console_messages_and_not_blank()
    {
        Assert.True(File.Exists(Path.Combine(OutDir, "report.html")), $"no report.html in {OutDir}: run ./build.sh --out={OutDir} first");

        ReportBrowserResult result = await new ReportBrowserCheck(new ProcessRunner()).RunAsync(OutDir);

        output.WriteLine($"chromium: exit {result.ExitCode} in {result.Duration.TotalSeconds:0.0} s, screenshot {result.Screenshot}, {result.Colours}+ colours, log {result.Log}");
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(result.Screenshot), $"chromium wrote no screenshot; see {result.Log}");
        Assert.Empty(result.Console);
        Assert.True(result.Colours > 1, $"the screenshot {result.Screenshot} is a single colour: the page rendered blank");
    }

    [RealReportFact]
    public void Every_internal_link_of_the_report_resolves()
    {
        string html = File.ReadAllText(Path.Combine(OutDir, "report.html"));
        IDocument page = new HtmlParser().ParseDocument(html);
        var links = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();

        Assert.NotEmpty(links);
        foreach (string href in links)
        {
            Assert.DoesNotContain("://", href, StringComparison.Ordinal);
            if (href.StartsWith('#'))
            {
                Assert.True(page.GetElementById(href[1..]) is not null, $"#{href[1..]} names no element of the page");
            }
            else
            {
                string target = Path.GetFullPath(Uri.UnescapeDataString(href), OutDir);
                Assert.True(File.Exists(target), $"the link {href} points at {target}, which does not exist");
            }
        }
    }
}
