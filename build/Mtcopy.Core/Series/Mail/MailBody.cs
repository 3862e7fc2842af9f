namespace Mtcopy.Core.Series.Mail;

/// <summary>
/// A decoded mail body split as <c>git mailinfo</c> splits it: in-body headers, the log message
/// (everything before the patch break) and the patch part (from the break to the end).
/// </summary>
internal sealed record MailBody(InBodyHeaders Headers, string LogMessage, string Patch)
{
    private static readonly string[] HeaderNames = ["From", "Subject", "Date"];

    public static MailBody Split(string body)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = TextLines.SplitKeepingNewlines(body);
        int i = ReadInBodyHeaders(lines, found);
        var log = new System.Text.StringBuilder();
        for (; i < lines.Count && !IsPatchBreak(lines[i]); i++)
        {
            log.Append(lines[i]);
        }

        var patch = string.Concat(lines.Skip(i));
        var headers = new InBodyHeaders(
            found.GetValueOrDefault("From"), found.GetValueOrDefault("Date"), found.GetValueOrDefault("Subject"));
        return new MailBody(headers, log.ToString(), patch);
    }

    /// <summary>
    /// Reads the in-body headers at the top of the body into <paramref name="found"/> (continuation lines joined,
    /// format-patch separators skipped) and returns the index of the first line of the log message.
    /// </summary>
    private static int ReadInBodyHeaders(List<string> lines, Dictionary<string, string> found)
    {
        string? accumulated = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line is "" or "\n")
            {
                if (accumulated is not null)
                {
                    Flush(ref accumulated, found);
                    return i + 1;
                }

                continue;
            }

            if (accumulated is not null && line[0] is ' ' or '\t')
            {
                accumulated = TextLines.Content(accumulated) + line;
                continue;
            }

            Flush(ref accumulated, found);
            if (IsInBodyHeader(line, found) is { } header)
            {
                if (header == "[PATCH]")
                {
                    found["Subject"] = TextLines.Content(line);
                }
                else
                {
                    accumulated = line;
                }

                continue;
            }

            if (!IsFormatPatchSeparator(line))
            {
                return i;
            }
        }

        Flush(ref accumulated, found);
        return lines.Count;
    }

    /// <summary>git's <c>patchbreak</c>: <c>diff -</c>, <c>Index: </c>, <c>--- file</c> or <c>---</c>.</summary>
    public static bool IsPatchBreak(string line)
    {
        if (line.StartsWith("diff -", StringComparison.Ordinal) ||
            line.StartsWith("Index: ", StringComparison.Ordinal))
        {
            return true;
        }

        if (line.Length < 4 || !line.StartsWith("---", StringComparison.Ordinal))
        {
            return false;
        }

        if (line[3] == ' ' && !TextLines.IsGitSpace(line[4]))
        {
            return true;
        }

        for (var k = 3; k < line.Length; k++)
        {
            if (line[k] == '\n')
            {
                return true;
            }

            if (!TextLines.IsGitSpace(line[k]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Name of the in-body header this line starts, or null.</summary>
    private static string? IsInBodyHeader(string line, Dictionary<string, string> found)
    {
        if (line.StartsWith("[PATCH]", StringComparison.Ordinal) && line.Length > 7 &&
            TextLines.IsGitSpace(line[7]))
        {
            return "[PATCH]";
        }

        foreach (var name in HeaderNames)
        {
            if (!found.ContainsKey(name) && line.Length > name.Length &&
                line.StartsWith(name, StringComparison.OrdinalIgnoreCase) && line[name.Length] == ':')
            {
                return name;
            }
        }

        return null;
    }

    private static void Flush(ref string? accumulated, Dictionary<string, string> found)
    {
        if (accumulated is null)
        {
            return;
        }

        var text = accumulated;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = HeaderNames.First(n => n.Length == colon &&
            text.StartsWith(n, StringComparison.OrdinalIgnoreCase));
        var value = TextLines.TrimGit(text[(colon + 1)..]);
        found.TryAdd(name, HeaderText.Decode(value));
        accumulated = null;
    }

    /// <summary>A <c>&gt;From &lt;sha&gt; Mon Sep 17 00:00:00 2001</c> line that mail quoting left.</summary>
    private static bool IsFormatPatchSeparator(string line) =>
        line.StartsWith(">From ", StringComparison.Ordinal) &&
        line.EndsWith(" Mon Sep 17 00:00:00 2001\n", StringComparison.Ordinal);
}
