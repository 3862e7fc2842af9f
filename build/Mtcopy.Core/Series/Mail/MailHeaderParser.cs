namespace Mtcopy.Core.Series.Mail;

/// <summary>
/// Reads the header block of one message like <c>git mailinfo</c>: the block ends at the first
/// blank line or at the first line that is not an RFC 2822 header; folded lines are joined with
/// one space.
/// </summary>
internal static class MailHeaderParser
{
    public static RawMail Parse(string message)
    {
        var lines = TextLines.SplitKeepingNewlines(message);
        var headers = new List<MailHeader>();
        var i = 0;
        while (i < lines.Count)
        {
            var line = TextLines.TrimEndGit(lines[i]);
            if (line.Length == 0 || !IsHeaderLine(line))
            {
                break;
            }

            i++;
            while (i < lines.Count && lines[i].Length > 0 && lines[i][0] is ' ' or '\t')
            {
                line += " " + TextLines.TrimEndGit(lines[i][1..]);
                i++;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !line.StartsWith("From ", StringComparison.Ordinal) &&
                !line.StartsWith(">From ", StringComparison.Ordinal))
            {
                headers.Add(new MailHeader(line[..colon], SkipSpace(line[(colon + 1)..])));
            }
        }

        var body = i < lines.Count ? BodyFrom(lines, i) : string.Empty;
        return new RawMail(headers, body);
    }

    /// <summary>git's <c>is_rfc2822_header</c>: mbox From lines or <c>field-name:</c>.</summary>
    public static bool IsHeaderLine(string line)
    {
        if (line.StartsWith("From ", StringComparison.Ordinal) ||
            line.StartsWith(">From ", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var c in line)
        {
            if (c == ':')
            {
                return true;
            }

            if (c is < (char)33 or > (char)126)
            {
                return false;
            }
        }

        return false;
    }

    private static string SkipSpace(string value) => value.TrimStart(' ', '\t');

    private static string BodyFrom(List<string> lines, int first)
    {
        // git re-reads the line that ended the headers with trailing whitespace trimmed.
        var builder = new System.Text.StringBuilder();
        builder.Append(TextLines.TrimEndGit(lines[first])).Append('\n');
        for (var j = first + 1; j < lines.Count; j++)
        {
            builder.Append(lines[j]);
        }

        return builder.ToString();
    }
}
