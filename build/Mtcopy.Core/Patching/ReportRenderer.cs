using System.Globalization;
using System.Text;

namespace Mtcopy.Core.Patching;

/// <summary>Renders a <see cref="SeriesReport"/> as plain text for the terminal and log files.</summary>
public static class ReportRenderer
{
    /// <summary>One block per patch; files and hunks indented; failed hunks show expected vs actual lines.</summary>
    public static string Render(SeriesReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        var total = report.Patches.Count;
        foreach (var patch in report.Patches)
        {
            RenderPatch(sb, patch, total);
        }

        return sb.ToString();
    }

    private static void RenderPatch(StringBuilder sb, PatchReport patch, int total)
    {
        var status = patch.Outcome switch
        {
            PatchOutcome.Applied => patch.CommitId is { Length: > 0 } id ? $"applied as {id[..Math.Min(12, id.Length)]}" : "applied",
            PatchOutcome.Stopped => "STOPPED",
            _ => "not attempted",
        };
        Line(sb, $"[{patch.Number}/{total}] {patch.Name}: {status}");
        foreach (var file in patch.Files)
        {
            RenderFile(sb, file);
        }
    }

    private static void RenderFile(StringBuilder sb, FileReport file)
    {
        var kind = file.Kind switch
        {
            FileChangeKind.Add => "A",
            FileChangeKind.Delete => "D",
            FileChangeKind.Rename => "R",
            FileChangeKind.Copy => "C",
            _ => "M",
        };
        var name = file.OldPath is not null && !string.Equals(file.OldPath, file.Path, StringComparison.Ordinal)
            ? $"{file.OldPath} -> {file.Path}"
            : file.Path;
        var outcome = file.Outcome switch
        {
            FileOutcome.Applied => "ok",
            FileOutcome.ThreeWay => "merged three-way",
            FileOutcome.Conflict => "CONFLICT (markers left in the file)",
            _ => "FAILED",
        };
        Line(sb, $"    {kind} {name}: {outcome}{(file.Message is null ? string.Empty : " - " + file.Message)}");
        foreach (var hunk in file.Hunks.Where(h => h.Outcome != HunkOutcome.Clean))
        {
            RenderHunk(sb, hunk);
        }
    }

    private static void RenderHunk(StringBuilder sb, HunkResult hunk)
    {
        var what = hunk.Outcome switch
        {
            HunkOutcome.Offset => $"applied at line {hunk.AppliedLine} (offset {Signed(hunk.Offset)})",
            HunkOutcome.Fuzz => $"applied at line {hunk.AppliedLine} with fuzz {hunk.Fuzz} (offset {Signed(hunk.Offset)})",
            HunkOutcome.ThreeWay => "did not apply; merged three-way",
            HunkOutcome.Conflict => "did not apply; three-way merge CONFLICT",
            HunkOutcome.Failed => "FAILED",
            _ => "clean",
        };
        Line(sb, $"        hunk #{hunk.Number} at line {hunk.ExpectedLine}: {what}");
        if (hunk.ExpectedLines.Count == 0 && hunk.ActualLines.Count == 0)
        {
            return;
        }

        Line(sb, "          expected:");
        foreach (var l in hunk.ExpectedLines)
        {
            Line(sb, "          | " + l);
        }

        Line(sb, string.Create(CultureInfo.InvariantCulture, $"          actual (from line {hunk.ExpectedLine}):"));
        foreach (var l in hunk.ActualLines)
        {
            Line(sb, "          | " + l);
        }
    }

    private static string Signed(int n) => n.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
