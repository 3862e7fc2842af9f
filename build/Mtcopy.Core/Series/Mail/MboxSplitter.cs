namespace Mtcopy.Core.Series.Mail;

/// <summary>Splits an mbox into messages the way <c>git mailsplit</c> does.</summary>
internal static class MboxSplitter
{
    /// <summary>
    /// Splits LF-normalised text into messages. A message starts at an mbox <c>From </c> line;
    /// text before the first such line (a bare mail that starts with its headers) is one message.
    /// Each message keeps its <c>From </c> line.
    /// </summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var start = 0;
        while (start < text.Length && TextLines.IsGitSpace(text[start]))
        {
            start++;
        }

        var messages = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in TextLines.SplitKeepingNewlines(text[start..]))
        {
            if (current.Length > 0 && IsFromLine(TextLines.Content(line)))
            {
                messages.Add(current.ToString());
                current.Clear();
            }

            current.Append(line);
        }

        if (current.Length > 0)
        {
            messages.Add(current.ToString());
        }

        return messages;
    }

    /// <summary>
    /// git's <c>is_from_line</c>: <c>From </c>, then a time <c>hh:mm:ss</c> followed by a year
    /// after 1990 (<c>From 1234abcd Mon Sep 17 00:00:00 2001</c>).
    /// </summary>
    public static bool IsFromLine(string line)
    {
        if (line.Length < 19 || !line.StartsWith("From ", StringComparison.Ordinal))
        {
            return false;
        }

        var colon = line.LastIndexOf(':', line.Length - 2);
        if (colon < 5 + 4 || colon + 2 >= line.Length)
        {
            return false;
        }

        if (!char.IsAsciiDigit(line[colon - 4]) || !char.IsAsciiDigit(line[colon - 2]) ||
            !char.IsAsciiDigit(line[colon - 1]) || !char.IsAsciiDigit(line[colon + 1]) ||
            !char.IsAsciiDigit(line[colon + 2]))
        {
            return false;
        }

        var rest = line[(colon + 3)..].TrimStart();
        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < 10 &&
            int.Parse(rest.AsSpan(0, digits), System.Globalization.CultureInfo.InvariantCulture) > 90;
    }
}
