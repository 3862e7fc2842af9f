using Mtcopy.Core.Series.Mail;

namespace Mtcopy.Core.Series.Quilt;

/// <summary>
/// Reads one patch file of a series, whichever of the two usual shapes it has:
/// <list type="bullet">
/// <item>a git mail (<c>git format-patch</c>; starts with an mbox <c>From </c> line, or with
/// mail headers <c>From:</c> and <c>Subject:</c> and no DEP-3 <c>Author:</c>/<c>Description:</c>):
/// read by <see cref="MboxParser"/>, so it may hold several mails;</item>
/// <item>anything else: a DEP-3 (or header-less) patch read by <see cref="Dep3PatchParser"/>.</item>
/// </list>
/// </summary>
public static class PatchFileParser
{
    public static IReadOnlyList<PatchMail> Parse(string text, string sourceName, DateTimeOffset fallbackDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        return IsGitMail(text)
            ? MboxParser.Parse(text, sourceName, fallbackDate)
            : [Dep3PatchParser.Parse(text, sourceName, fallbackDate)];
    }

    /// <summary>True when the text is read as a git mail rather than a DEP-3 patch.</summary>
    public static bool IsGitMail(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = TextLines.SplitKeepingNewlines(TextLines.NormalizeNewlines(text).TrimStart());
        if (lines.Count == 0)
        {
            return false;
        }

        if (MboxSplitter.IsFromLine(TextLines.Content(lines[0])))
        {
            return true;
        }

        if (!Dep3Header.StartsWithField(lines))
        {
            return false;
        }

        var names = FirstParagraphFieldNames(lines);
        bool Has(string name) => names.Contains(name, StringComparer.OrdinalIgnoreCase);
        return !Has("Author") && !Has("Description") && Has("From") && Has("Subject");
    }

    private static List<string> FirstParagraphFieldNames(List<string> lines)
    {
        var names = new List<string>();
        foreach (var line in lines.Take(Dep3Header.End(lines)).Select(TextLines.Content))
        {
            if (line.Trim().Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[0] is not (' ' or '\t'))
            {
                names.Add(line[..colon]);
            }
        }

        return names;
    }
}
