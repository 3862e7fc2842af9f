using System.Globalization;
using System.Text;

namespace Mtcopy.Core.Matrix;

/// <summary>The matrix for a terminal or a CI log: a table base × patch, then the steps and the conflicts in detail.</summary>
public static class MatrixTextRenderer
{
    /// <summary>At most this many expected/actual lines per conflict (matrix.json has them all).</summary>
    public const int EvidenceLines = 12;

    public static string Render(MatrixReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        int variants = report.Rows.Count(r => r.Series is not null);
        Line(sb, string.Create(CultureInfo.InvariantCulture,
            $"Compatibility matrix: {report.Series} {report.Version}, {report.Patches.Count} patches, {report.Rows.Select(r => r.Base).Distinct(StringComparer.Ordinal).Count()} bases")
            + (variants == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", {variants} series variant(s)")));
        Line(sb, "");
        Table(sb, report);
        if (variants > 0)
        {
            Line(sb, "");
            Line(sb, VariantNote);
        }

        Legend(sb, "Patches:", report.Patches);
        foreach (MatrixRow row in VariantsWithOtherPatches(report))
        {
            Legend(sb, $"Patches of {row.Label}:", row.Patches!);
        }

        Steps(sb, report);
        Conflicts(sb, report);
        return sb.ToString();
    }

    /// <summary>"patch 1 (name), file mm/migrate.c hunk #2 at line 1700".</summary>
    public static string Describe(MatrixConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        string where = conflict.Hunk == 0
            ? $"file {conflict.File}"
            : string.Create(CultureInfo.InvariantCulture, $"file {conflict.File} hunk #{conflict.Hunk} at line {conflict.Line}")
                + (conflict.Section.Length > 0 ? $" (in {conflict.Section})" : "");
        return string.Create(CultureInfo.InvariantCulture, $"patch {conflict.PatchNumber} ({conflict.Patch}), {where}");
    }

    /// <summary>The table cell of a verdict: the word, or "-" for a patch not attempted.</summary>
    public static string Cell(string verdict) => verdict == MatrixRow.NotAttempted ? "-" : verdict;

    /// <summary>Said under the table when rows applied a variant of the series.</summary>
    public const string VariantNote =
        "A row \"<base> [<dir>]\" applied the variant of the series maintained for that base in <dir> next to the manifest (its bases[].series).";

    /// <summary>
    /// The <paramref name="columns"/> patch cells of a row: its verdicts (<see cref="Cell"/>), then empty cells
    /// when the row applied fewer patches than the widest row (a variant with fewer patches).
    /// </summary>
    public static IReadOnlyList<string> Cells(MatrixRow row, int columns)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [.. row.Verdicts.Select(Cell), .. Enumerable.Repeat("", Math.Max(0, columns - row.Verdicts.Count))];
    }

    /// <summary>The variant rows whose patches are not the report's, each once: their patches need their own legend.</summary>
    public static IReadOnlyList<MatrixRow> VariantsWithOtherPatches(MatrixReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Rows.Where(r => r.Patches is not null && !r.Patches.SequenceEqual(report.Patches, StringComparer.Ordinal))];
    }

    private static void Table(StringBuilder sb, MatrixReport report)
    {
        int columns = report.PatchColumns();
        var header = new List<string> { "base", "kernel" };
        header.AddRange(Enumerable.Range(1, columns).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        header.AddRange(["build", "smoke", "result"]);
        var rows = report.Rows.Select(r => (IReadOnlyList<string>)[
            r.Label, r.KernelVersion.Length == 0 ? "?" : r.KernelVersion,
            .. Cells(r, columns), r.Build.Word, r.Smoke.Word, r.Overall]).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToList();
        Line(sb, Pad(header, widths));
        Line(sb, Pad([.. widths.Select(w => new string('-', w))], widths));
        foreach (IReadOnlyList<string> row in rows)
        {
            Line(sb, Pad(row, widths));
        }
    }

    private static void Steps(StringBuilder sb, MatrixReport report)
    {
        Line(sb, "");
        Line(sb, "Steps:");
        foreach (MatrixRow row in report.Rows)
        {
            Line(sb, $"  {row.Label}: {row.Description}");
            Step(sb, "fetch", row.Fetch);
            Step(sb, "build", row.Build);
            Step(sb, "smoke", row.Smoke);
        }
    }

    private static void Conflicts(StringBuilder sb, MatrixReport report)
    {
        var conflicted = report.Rows.Where(r => r.Conflicts.Count > 0).ToList();
        if (conflicted.Count > 0)
        {
            Line(sb, "");
            Line(sb, "Conflicts:");
        }

        foreach (MatrixRow row in conflicted)
        {
            foreach (string summary in MatrixConflicts.Summary(row))
            {
                Line(sb, $"  {row.Label}: {summary}");
            }

            foreach (MatrixConflict c in row.Conflicts)
            {
                Line(sb, $"    {row.Label}: {Describe(c)}");
                Line(sb, $"        why: {c.Reason}");
                Evidence(sb, "expected", c.ExpectedLines);
                Evidence(sb, string.Create(CultureInfo.InvariantCulture, $"actual (from line {c.Line})"), c.ActualLines);
            }
        }
    }

    private static void Legend(StringBuilder sb, string title, IReadOnlyList<string> patches)
    {
        Line(sb, "");
        Line(sb, title);
        for (int i = 0; i < patches.Count; i++)
        {
            Line(sb, string.Create(CultureInfo.InvariantCulture, $"  {i + 1}  {patches[i]}"));
        }
    }

    private static void Step(StringBuilder sb, string name, MatrixStep step) =>
        Line(sb, $"    {name}: {step.Word}: {step.Detail}{(step.Log is null ? "" : $" (log: {step.Log})")}");

    private static void Evidence(StringBuilder sb, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        Line(sb, $"        {title}:");
        foreach (string l in lines.Take(EvidenceLines))
        {
            Line(sb, "        | " + l);
        }

        if (lines.Count > EvidenceLines)
        {
            Line(sb, string.Create(CultureInfo.InvariantCulture, $"        | ... {lines.Count - EvidenceLines} more lines in matrix.json"));
        }
    }

    private static string Pad(IReadOnlyList<string> cells, List<int> widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
