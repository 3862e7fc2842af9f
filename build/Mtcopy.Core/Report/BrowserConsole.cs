namespace Mtcopy.Core.Report;

/// <summary>
/// The page's console messages in headless Chromium's stderr (<c>--enable-logging=stderr</c>), lines like
/// <c>[pid:tid:time:INFO:CONSOLE:1] "message", source: file:///... (1)</c>. The report has no script, so any is a fault.
/// </summary>
public static class BrowserConsole
{
    public static IReadOnlyList<string> Messages(IEnumerable<string> stderrLines)
    {
        ArgumentNullException.ThrowIfNull(stderrLines);
        return [.. stderrLines.Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal) && l.StartsWith('['))];
    }
}
