using System.Text.RegularExpressions;

namespace Mtcopy.Core.Series.Mail;

/// <summary>Subject clean-up as <c>git mailinfo</c> does it without <c>-k</c>/<c>-b</c>.</summary>
internal static partial class MailSubject
{
    /// <summary>
    /// Strips, repeatedly, leading whitespace, colons, <c>Re:</c> and <c>[...]</c> groups, then
    /// trims and collapses whitespace.
    /// </summary>
    public static string Clean(string subject) =>
        HeaderText.CollapseSpace(TextLines.TrimGit(subject[PrefixLength(subject)..]));

    /// <summary>
    /// True when a bracket group in the leading prefixes numbers the mail 0 of N
    /// (<c>[PATCH 0/3]</c>, <c>[RFC PATCH v2 00/10]</c>): a cover letter.
    /// </summary>
    public static bool IsNumberedZero(string subject)
    {
        var prefix = subject[..PrefixLength(subject)];
        foreach (Match group in BracketGroup().Matches(prefix))
        {
            var counter = CounterPattern().Match(group.Value);
            if (counter.Success && counter.Groups[1].Value.All(c => c == '0'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Length of the prefix git removes (<c>cleanup_subject</c>, all at position 0).</summary>
    private static int PrefixLength(string s)
    {
        var at = 0;
        while (at < s.Length)
        {
            var c = s[at];
            if (c is 'r' or 'R' && at + 3 < s.Length && s[at + 1] is 'e' or 'E' && s[at + 2] == ':')
            {
                at += 3;
            }
            else if (c is ' ' or '\t' or ':')
            {
                at++;
            }
            else if (c == '[' && s.IndexOf(']', at) is var close and >= 0)
            {
                at = close + 1;
            }
            else
            {
                break;
            }
        }

        return at;
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex BracketGroup();

    [GeneratedRegex(@"(?:^|[\s\[])(\d+)/\d+(?:[\s\]]|$)")]
    private static partial Regex CounterPattern();
}
