using System.Globalization;
using System.Text;

namespace Mtcopy.Core.Matrix;

/// <summary>matrix.md: the table for a CI job summary or a review, then each conflict with its evidence.</summary>
public static class MatrixMarkdownRenderer
{
    public static string Render(MatrixReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        Line(sb, $"# Compatibility matrix: {Escape(report.Series)} {Escape(report.Version)}");
        Line(sb, "");
        Table(sb, report);
        if (report.Rows.Any(r => r.Series is not null))
        {
            Line(sb, "");
            Line(sb, "A row `<base> [<dir>]` applied the variant of the series maintained for that base in `<dir>` next to the manifest (its `bases[].series`).");
        }

        Legend(sb, "Patches:", report.Patches);
        foreach (MatrixRow row in MatrixTextRenderer.VariantsWithOtherPatches(report))
        {
            Legend(sb, $"Patches of {Code(row.Label)}:", row.Patches!);
        }

        Steps(sb, report);
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, MatrixReport report)
    {
        int columns = report.PatchColumns();
        var header = new List<string> { "base", "kernel" };
        header.AddRange(Enumerable.Range(1, columns).Select(i => i.ToString("0000", CultureInfo.InvariantCulture)));
        header.AddRange(["build", "smoke", "result"]);
        Line(sb, "| " + string.Join(" | ", header) + " |");
        Line(sb, "|" + string.Concat(header.Select(_ => " --- |")));
        foreach (MatrixRow row in report.Rows)
        {
            IEnumerable<string> cells = [
                Code(row.Label), row.KernelVersion.Length == 0 ? "?" : row.KernelVersion,
                .. MatrixTextRenderer.Cells(row, columns), row.Build.Word, row.Smoke.Word, "**" + row.Overall + "**"];
            Line(sb, "| " + string.Join(" | ", cells.Select(Escape)) + " |");
        }
    }

    private static void Steps(StringBuilder sb, MatrixReport report)
    {
        Line(sb, "");
        Line(sb, "## Steps");
        foreach (MatrixRow row in report.Rows)
        {
            Line(sb, "");
            Line(sb, $"### {Code(row.Label)}");
            Line(sb, "");
            Line(sb, Escape(row.Description));
            Line(sb, "");
            foreach ((string name, MatrixStep step) in new[] { ("fetch", row.Fetch), ("build", row.Build), ("smoke", row.Smoke) })
            {
                Line(sb, $"- {name}: **{step.Word}**: {Escape(step.Detail)}{(step.Log is null ? "" : $" (log: {Code(step.Log)})")}");
            }

            foreach (string summary in MatrixConflicts.Summary(row))
            {
                Line(sb, $"- **does not apply**: {Escape(summary)}");
            }

            foreach (MatrixConflict c in row.Conflicts)
            {
                Line(sb, "");
                Line(sb, $"**Conflict**: {Escape(MatrixTextRenderer.Describe(c))}.");
                Line(sb, "");
                Line(sb, $"Why: {Escape(c.Reason)}.");
                Block(sb, "Expected", c.ExpectedLines);
                Block(sb, string.Create(CultureInfo.InvariantCulture, $"Actual (from line {c.Line})"), c.ActualLines);
            }
        }
    }

    private static void Legend(StringBuilder sb, string title, IReadOnlyList<string> patches)
    {
        Line(sb, "");
        Line(sb, title);
        Line(sb, "");
        for (int i = 0; i < patches.Count; i++)
        {
            Line(sb, string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {Code(patches[i])}"));
        }
    }

    private static void Block(StringBuilder sb, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        Line(sb, "");
        Line(sb, title + ":");
        Line(sb, "");
        string fence = lines.Any(l => l.Contains("```", StringComparison.Ordinal)) ? "~~~~" : "```";
        Line(sb, fence + "c");
        foreach (string l in lines)
        {
            Line(sb, l);
        }

        Line(sb, fence);
    }

    private static string Code(string text) => "`" + text.Replace("`", "'", StringComparison.Ordinal) + "`";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
