using Mtcopy.Core.Patching;
using Mtcopy.Core.Rebase;
using Mtcopy.Core.Report;

namespace Mtcopy.Adapters.Results;

/// <summary>
/// Writes &lt;out&gt;/apply-report.json for the report: Apply's per-hunk report and, for each file left with
/// conflict markers in the worktree, its regions (ours, theirs) as they stand when Apply stopped.
/// </summary>
public static class ApplyReportRecorder
{
    public static string Write(string outDir, string worktree, SeriesReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string root = Path.GetFullPath(worktree);
        var regions = new List<ConflictHunk>();
        foreach (string file in report.Patches.SelectMany(p => p.Files).Where(f => f.Outcome == FileOutcome.Conflict).Select(f => f.Path).Distinct(StringComparer.Ordinal))
        {
            string full = Path.GetFullPath(file, root);
            if (full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full))
            {
                regions.AddRange(ConflictMarkers.Parse(file, File.ReadAllText(full)));
            }
        }

        string path = Path.Combine(outDir, ApplyReportFile.FileName);
        AtomicFile.WriteAllText(path, ApplyReportJson.Serialize(new ApplyReportFile(report, regions)));
        return path;
    }
}
