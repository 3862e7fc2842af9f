using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mtcopy.Core.Series.Mail;

/// <summary>
/// Cuts the diff out of the text that follows a commit message: from the first file header
/// (<c>diff </c>, <c>Index: </c>, or <c>--- </c> directly followed by <c>+++ </c>) to the end,
/// dropping the mail signature (<c>-- </c> and what follows it) that
/// <c>git format-patch</c> appends. Hunk line counts are followed so that a removed line
/// reading <c>- </c> is never mistaken for the signature.
/// </summary>
internal static partial class DiffExtractor
{
    public static string Extract(string patchPart)
    {
        var lines = TextLines.SplitKeepingNewlines(patchPart);
        var first = FindStart(lines);
        if (first < 0)
        {
            return string.Empty;
        }

        var diff = new StringBuilder();
        long oldLeft = 0, newLeft = 0;
        for (var i = first; i < lines.Count; i++)
        {
            var line = lines[i];
            if (oldLeft > 0 || newLeft > 0)
            {
                CountHunkLine(line, ref oldLeft, ref newLeft);
            }
            else if (TextLines.Content(line) is "-- " or "--")
            {
                break;
            }
            else if (HunkHeader().Match(line) is { Success: true } hunk)
            {
                oldLeft = Count(hunk.Groups[1]);
                newLeft = Count(hunk.Groups[2]);
            }

            diff.Append(line);
        }

        return diff.ToString();
    }

    /// <summary>True when the line at <paramref name="i"/> begins a file's diff.</summary>
    public static bool StartsDiff(IReadOnlyList<string> lines, int i)
    {
        var line = lines[i];
        return line.StartsWith("diff ", StringComparison.Ordinal) ||
            line.StartsWith("Index: ", StringComparison.Ordinal) ||
            (line.StartsWith("--- ", StringComparison.Ordinal) && i + 1 < lines.Count &&
                lines[i + 1].StartsWith("+++ ", StringComparison.Ordinal));
    }

    private static int FindStart(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (StartsDiff(lines, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static void CountHunkLine(string line, ref long oldLeft, ref long newLeft)
    {
        switch (line.Length == 0 ? '\n' : line[0])
        {
            case ' ':
            case '\n':
                oldLeft--;
                newLeft--;
                break;
            case '-':
                oldLeft--;
                break;
            case '+':
                newLeft--;
                break;
            default:
                // "\ No newline at end of file" and anything unexpected: no count.
                break;
        }
    }

    private static long Count(Group group) =>
        group.Success ? long.Parse(group.Value, CultureInfo.InvariantCulture) : 1;

    [GeneratedRegex(@"^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@")]
    private static partial Regex HunkHeader();
}
