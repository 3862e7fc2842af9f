using System.Text;

namespace Mtcopy.Core.Bench;

/// <summary>A Markdown table padded into columns, so the same text reads well in a terminal and in a viewer.</summary>
public static class MarkdownTable
{
    /// <param name="header">Column titles.</param>
    /// <param name="rows">Cells, one array per row, as many as titles.</param>
    /// <param name="rightAligned">Columns to align right (numbers); the others align left.</param>
    public static string Render(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlySet<int>? rightAligned = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        rightAligned ??= new HashSet<int>();
        if (rows.Any(r => r.Count != header.Count))
        {
            throw new ArgumentException($"Every row needs {header.Count} cells.", nameof(rows));
        }

        int[] widths = [.. header.Select((h, i) => Math.Max(3, rows.Select(r => Escape(r[i]).Length).Append(h.Length).Max()))];
        var text = new StringBuilder();
        Line(header);
        text.Append('|');
        for (int i = 0; i < widths.Length; i++)
        {
            text.Append(' ').Append(rightAligned.Contains(i) ? new string('-', widths[i] - 1) + ":" : new string('-', widths[i])).Append(" |");
        }

        text.Append('\n');
        foreach (IReadOnlyList<string> row in rows)
        {
            Line(row);
        }

        return text.ToString();

        void Line(IReadOnlyList<string> cells)
        {
            text.Append('|');
            for (int i = 0; i < cells.Count; i++)
            {
                string cell = Escape(cells[i]);
                text.Append(' ').Append(rightAligned.Contains(i) ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i])).Append(" |");
            }

            text.Append('\n');
        }
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
