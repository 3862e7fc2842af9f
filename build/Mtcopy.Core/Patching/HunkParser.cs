using System.Globalization;
using System.Text.RegularExpressions;

namespace Mtcopy.Core.Patching;

/// <summary>Parses "@@ -a,b +c,d @@" hunks; the line counts decide where a hunk ends.</summary>
internal static partial class HunkParser
{
    public static bool IsHunkHeader(string line) => line.StartsWith("@@ -", StringComparison.Ordinal);

    /// <summary>Reads consecutive hunks starting at the current line.</summary>
    public static List<Hunk> ReadHunks(DiffLines lines)
    {
        var hunks = new List<Hunk>();
        while (!lines.AtEnd && IsHunkHeader(lines.Current))
        {
            hunks.Add(ReadHunk(lines));
        }

        return hunks;
    }

    private static Hunk ReadHunk(DiffLines lines)
    {
        var headerLine = lines.LineNumber;
        var match = HeaderPattern().Match(lines.CurrentHeader);
        if (!match.Success)
        {
            throw new PatchFormatException($"line {headerLine}: malformed hunk header \"{lines.CurrentHeader}\"", headerLine);
        }

        var oldStart = Number(match.Groups["os"].Value, headerLine);
        var oldCount = match.Groups["oc"].Success ? Number(match.Groups["oc"].Value, headerLine) : 1;
        var newStart = Number(match.Groups["ns"].Value, headerLine);
        var newCount = match.Groups["nc"].Success ? Number(match.Groups["nc"].Value, headerLine) : 1;
        var section = match.Groups["sec"].Value.TrimStart(' ');
        lines.Advance();

        var body = new List<HunkLine>();
        int oldLeft = oldCount, newLeft = newCount;
        while (oldLeft > 0 || newLeft > 0)
        {
            if (lines.AtEnd)
            {
                throw new PatchFormatException($"line {headerLine}: hunk is truncated (expected {oldLeft} more old and {newLeft} more new lines)", headerLine);
            }

            (oldLeft, newLeft) = ReadBodyLine(lines, body, oldLeft, newLeft);
            if (oldLeft < 0 || newLeft < 0)
            {
                throw new PatchFormatException($"line {headerLine}: hunk has more lines than its header \"{match.Value}\" says", headerLine);
            }

            lines.Advance();
        }

        if (!lines.AtEnd && lines.Current.StartsWith('\\'))
        {
            MarkNoNewline(body, lines.LineNumber);
            lines.Advance();
        }

        return new Hunk(oldStart, oldCount, newStart, newCount, section, body);
    }

    /// <summary>One line of a hunk's body added to <paramref name="body"/>; the old and new lines still expected after it.</summary>
    private static (int OldLeft, int NewLeft) ReadBodyLine(DiffLines lines, List<HunkLine> body, int oldLeft, int newLeft)
    {
        var text = lines.Current;
        var kind = text.Length == 0 ? ' ' : text[0];
        switch (kind)
        {
            case ' ':
                body.Add(new HunkLine(HunkLineKind.Context, text.Length == 0 ? string.Empty : text[1..]));
                return (oldLeft - 1, newLeft - 1);
            case '-':
                body.Add(new HunkLine(HunkLineKind.Removed, text[1..]));
                return (oldLeft - 1, newLeft);
            case '+':
                body.Add(new HunkLine(HunkLineKind.Added, text[1..]));
                return (oldLeft, newLeft - 1);
            case '\\':
                MarkNoNewline(body, lines.LineNumber);
                return (oldLeft, newLeft);
            default:
                throw new PatchFormatException($"line {lines.LineNumber}: corrupt hunk line \"{text}\" (expected ' ', '-', '+' or '\\')", lines.LineNumber);
        }
    }

    private static void MarkNoNewline(List<HunkLine> body, int line)
    {
        if (body.Count == 0)
        {
            throw new PatchFormatException($"line {line}: \"\\ No newline at end of file\" without a preceding line", line);
        }

        body[^1] = body[^1] with { NoNewlineAtEnd = true };
    }

    private static int Number(string text, int line) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new PatchFormatException($"line {line}: hunk line number \"{text}\" is out of range", line);

    [GeneratedRegex(@"^@@ -(?<os>\d+)(,(?<oc>\d+))? \+(?<ns>\d+)(,(?<nc>\d+))? @@(?<sec>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderPattern();
}
