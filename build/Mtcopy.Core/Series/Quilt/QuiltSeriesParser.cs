using System.Text.RegularExpressions;
using Mtcopy.Core.Series.Mail;
using Mtcopy.Core;

namespace Mtcopy.Core.Series.Quilt;

/// <summary>
/// Reads a quilt <c>series</c> file as <c>dpkg-source</c> does: one patch per line, <c>#</c>
/// starts a comment (at the start of a line or after whitespace), blank lines are skipped, and
/// the only option accepted after the name is <c>-p1</c>.
/// </summary>
public static partial class QuiltSeriesParser
{
    public static IReadOnlyList<QuiltSeriesEntry> Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var entries = new List<QuiltSeriesEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = TextLines.NormalizeNewlines(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var content = Comment().Replace(lines[i], string.Empty).Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var words = content.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var patch = words[0];
            foreach (var option in words.Skip(1))
            {
                CheckOption(option, sourceName, number);
            }

            if (!SeriesPaths.IsInsideSeries(patch))
            {
                throw new UserErrorException(
                    $"{sourceName}:{number}: '{patch}' leaves the series directory; list patches by a relative " +
                    "path inside it, without '..'.");
            }

            if (seen.TryGetValue(patch, out var earlier))
            {
                throw new UserErrorException(
                    $"{sourceName}:{number}: '{patch}' is already listed on line {earlier}; list each patch once.");
            }

            seen[patch] = number;
            entries.Add(new QuiltSeriesEntry(patch, number));
        }

        return entries;
    }

    private static void CheckOption(string option, string sourceName, int number)
    {
        if (option == "-p1")
        {
            return;
        }

        var hint = option.StartsWith("-p", StringComparison.Ordinal)
            ? "only -p1 (paths with one leading directory, a/ and b/) is supported; regenerate the patch " +
              "with that layout and drop the option"
            : "patch options other than -p1 are not supported; remove it";
        throw new UserErrorException($"{sourceName}:{number}: option '{option}': {hint}.");
    }

    [GeneratedRegex(@"(?:^|\s+)#.*$")]
    private static partial Regex Comment();
}
