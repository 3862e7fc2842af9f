using Mtcopy.Adapters.Process;
using Mtcopy.Core.Report;

namespace Mtcopy.Adapters.Report;

/// <summary>
/// Opens &lt;out&gt;/report.html in headless Chromium, saves a screenshot to &lt;out&gt;/report.png and collects
/// the page's console messages from Chromium's log (&lt;out&gt;/report-chromium.log).
/// </summary>
public sealed class ReportBrowserCheck(IProcessRunner runner)
{
    public const string ScreenshotFileName = "report.png";
    public const string LogFileName = "report-chromium.log";

    public string Program { get; init; } = "chromium";

    /// <summary>The argument list, pure: headless, no GPU, no sandbox (CI runs as root), console to stderr.</summary>
    public static IReadOnlyList<string> Arguments(string reportPath, string screenshotPath) =>
    [
        "--headless", "--disable-gpu", "--no-sandbox", "--enable-logging=stderr", "--v=0",
        "--screenshot=" + screenshotPath, "--window-size=1200,3000", new Uri(reportPath).AbsoluteUri,
    ];

    /// <exception cref="ProcessStartException">Chromium is not installed (Debian package chromium).</exception>
    public async Task<ReportBrowserResult> RunAsync(string outDir, CancellationToken cancellationToken = default)
    {
        string root = Path.GetFullPath(outDir);
        string report = Path.Combine(root, ReportTemplate.FileName);
        string screenshot = Path.Combine(root, ScreenshotFileName);
        string log = Path.Combine(root, LogFileName);
        File.Delete(screenshot);
        File.Delete(log);
        ProcessResult result = await runner.RunAsync(new ProcessSpec(Program, Arguments(report, screenshot))
        {
            LogPath = log,
            Timeout = TimeSpan.FromMinutes(3),
            ThrowOnNonZeroExit = false,
        }, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> console = BrowserConsole.Messages(File.Exists(log) ? File.ReadAllLines(log) : []);
        int colours = File.Exists(screenshot) ? PngPixels.DistinctColours(File.ReadAllBytes(screenshot)) : 0;
        return new ReportBrowserResult(result.ExitCode, screenshot, log, console, colours, result.Duration);
    }
}

/// <summary>What Chromium made of the page: exit code, the screenshot (0 colours when it wrote none), console messages, time.</summary>
public sealed record ReportBrowserResult(int ExitCode, string Screenshot, string Log, IReadOnlyList<string> Console, int Colours, TimeSpan Duration);
