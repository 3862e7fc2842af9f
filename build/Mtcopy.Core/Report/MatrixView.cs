using System.Globalization;
using Mtcopy.Core.Matrix;

namespace Mtcopy.Core.Report;

/// <summary>The matrix section from matrix.json: one row per base (and variant), a cell per patch, build and smoke, and the conflicts' reasons.</summary>
public static class MatrixView
{
    public static MatrixSection Build(bool matrixRan, MatrixReport? report, Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(fileExists);
        if (!matrixRan)
        {
            return new MatrixSection(false, "Matrix did not run in this run: ./build.sh --target=Matrix --kernels=... builds one.", "", [], []);
        }

        if (report is null)
        {
            return new MatrixSection(false, "Matrix ran but left no matrix.json (see the stage's message in the timeline).", "", [], []);
        }

        int columns = report.PatchColumns();
        var headers = Enumerable.Range(0, columns)
            .Select(i => new MatrixColumn(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                i < report.Patches.Count ? report.Patches[i] : $"patch {i + 1} of a variant"))
            .ToList();
        var rows = report.Rows.Select(r => new MatrixRowView(
            r.Label,
            r.KernelVersion,
            r.Overall == "pass" ? ReportBadge.Pass("pass") : ReportBadge.Fail(r.Overall),
            [.. Enumerable.Range(0, columns).Select(i => i < r.Verdicts.Count ? ReportBadge.ForPatchVerdict(r.Verdicts[i]) : ReportBadge.Skip("none"))],
            Step(r.Build, fileExists),
            Step(r.Smoke, fileExists),
            [.. r.Conflicts.Select(c => new MatrixConflictView(
                string.Create(CultureInfo.InvariantCulture, $"{c.PatchNumber}. {c.Patch}"),
                c.Hunk == 0 ? c.File : string.Create(CultureInfo.InvariantCulture, $"{c.File} hunk #{c.Hunk} at line {c.Line}{(c.Section.Length > 0 ? " (" + c.Section + ")" : "")}"),
                c.Reason,
                string.Join(", ", c.Missing)))])).ToList();
        return new MatrixSection(true, "", $"{report.Series} {report.Version}", headers, rows);
    }

    private static MatrixStepView Step(MatrixStep step, Func<string, bool> fileExists)
    {
        ReportBadge badge = step.Status switch
        {
            MatrixStepStatus.Pass => ReportBadge.Pass("pass"),
            MatrixStepStatus.Fail => ReportBadge.Fail("FAIL"),
            _ => ReportBadge.Skip("skip"),
        };
        string log = step.Log is { } path && !Path.IsPathRooted(path) && !path.Contains("..", StringComparison.Ordinal) && fileExists(path) ? path : "";
        return new MatrixStepView(badge, step.Detail, log);
    }
}
