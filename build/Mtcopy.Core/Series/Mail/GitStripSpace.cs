using System.Text;

namespace Mtcopy.Core.Series.Mail;

/// <summary>
/// git's <c>strbuf_stripspace</c> without comment stripping: trailing whitespace removed from
/// each line, runs of blank lines collapsed to one, leading and trailing blank lines removed,
/// and the result ends in a newline (or is empty).
/// </summary>
internal static class GitStripSpace
{
    public static string Apply(string text)
    {
        var builder = new StringBuilder(text.Length + 1);
        var pendingBlank = false;
        foreach (var line in TextLines.SplitKeepingNewlines(text))
        {
            var content = TextLines.TrimEndGit(line);
            if (content.Length == 0)
            {
                pendingBlank = true;
                continue;
            }

            if (pendingBlank && builder.Length > 0)
            {
                builder.Append('\n');
            }

            pendingBlank = false;
            builder.Append(content).Append('\n');
        }

        return builder.ToString();
    }
}
