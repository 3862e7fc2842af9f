using System.Globalization;
using System.Text;

namespace Mtcopy.Core.Rebase;

/// <summary>The rebase report for people: one line per patch, and every conflict region with both sides.</summary>
public static class RebaseReportRenderer
{
    public const int SideLines = 15;

    public static string Render(string oldBase, string newBase, IReadOnlyList<RebasePatch> patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        var sb = new StringBuilder();
        Line(sb, $"Rebase of the series from {oldBase} onto {newBase}:");
        foreach (RebasePatch p in patches)
        {
            string commit = p.NewCommit is { Length: >= 12 } id ? $" as {id[..12]}" : "";
            string changed = p.ChangedFiles.Count == 0 ? "" : $" (changed in the new base: {string.Join(", ", p.ChangedFiles)})";
            Line(sb, string.Create(CultureInfo.InvariantCulture, $"  [{p.Number}/{patches.Count}] {p.Name}: {p.Word}{commit}{changed}"));
            foreach (ConflictHunk h in p.Conflicts)
            {
                Line(sb, string.Create(CultureInfo.InvariantCulture, $"      conflict in {h.Path}, lines {h.StartLine}-{h.EndLine}:"));
                Side(sb, "ours (the new base)", h.Ours);
                if (h.Base.Count > 0)
                {
                    Side(sb, "base (the old base)", h.Base);
                }

                Side(sb, $"theirs (patch {p.Number})", h.Theirs);
            }
        }

        return sb.ToString();
    }

    private static void Side(StringBuilder sb, string title, IReadOnlyList<string> lines)
    {
        Line(sb, string.Create(CultureInfo.InvariantCulture, $"        {title}, {lines.Count} line(s):"));
        foreach (string l in lines.Take(SideLines))
        {
            Line(sb, "        | " + l);
        }

        if (lines.Count > SideLines)
        {
            Line(sb, string.Create(CultureInfo.InvariantCulture, $"        | ... {lines.Count - SideLines} more"));
        }
    }

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
