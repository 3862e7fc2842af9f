using System.Diagnostics;
using Mtcopy.Core.Report;

namespace Mtcopy.Adapters.Results;

/// <summary>Renders &lt;out&gt;/report.html from the repository's template and the run's records, atomically.</summary>
public static class ReportWriter
{
    /// <returns>The page's path and how long rendering and writing took.</returns>
    /// <exception cref="Mtcopy.Core.Packaging.TemplateException">The template is broken (a bug: the tests render it).</exception>
    public static (string Path, TimeSpan Duration) Write(string repoRoot, string outDir, RunRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var clock = Stopwatch.StartNew();
        string template = File.ReadAllText(System.IO.Path.Combine(repoRoot, ReportTemplate.RelativePath));
        string html = ReportTemplate.Render(template, ReportBuilder.Build(records));
        string path = System.IO.Path.Combine(System.IO.Path.GetFullPath(outDir), ReportTemplate.FileName);
        AtomicFile.WriteAllText(path, html);
        return (path, clock.Elapsed);
    }
}
