namespace Mtcopy.Core.Series.Mail;

/// <summary>Line handling shared by the mail and patch parsers.</summary>
internal static class TextLines
{
    /// <summary>CRLF to LF, as <c>git mailsplit</c> does without <c>--keep-cr</c>.</summary>
    public static string NormalizeNewlines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Splits into lines that keep their <c>\n</c>; the last one may lack it.</summary>
    public static List<string> SplitKeepingNewlines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var eol = text.IndexOf('\n', start);
            var end = eol < 0 ? text.Length : eol + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    /// <summary>The line without its trailing <c>\n</c>.</summary>
    public static string Content(string line) =>
        line.EndsWith('\n') ? line[..^1] : line;

    /// <summary>git's <c>isspace</c>: space, tab, LF and CR only.</summary>
    public static bool IsGitSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>Removes trailing git whitespace.</summary>
    public static string TrimEndGit(string s)
    {
        var len = s.Length;
        while (len > 0 && IsGitSpace(s[len - 1]))
        {
            len--;
        }

        return s[..len];
    }

    /// <summary>Removes leading and trailing git whitespace.</summary>
    public static string TrimGit(string s)
    {
        var trimmed = TrimEndGit(s);
        var start = 0;
        while (start < trimmed.Length && IsGitSpace(trimmed[start]))
        {
            start++;
        }

        return trimmed[start..];
    }
}
