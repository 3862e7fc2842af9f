using System.Text.RegularExpressions;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// Parses lintian lines (<c>W: pkg: tag context</c>, <c>W: pkg binary: tag</c>) and rpmlint 2
/// lines (<c>pkg.noarch: W: tag context</c>); other lines (summaries, notices) are skipped.
/// </summary>
public static partial class LintOutputParser
{
    public static IReadOnlyList<LintFinding> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var findings = new List<LintFinding>();
        foreach (string line in lines)
        {
            Match match = LintianLine().Match(line);
            if (!match.Success)
            {
                match = RpmlintLine().Match(line);
            }

            if (match.Success)
            {
                findings.Add(new LintFinding(Severity(match.Groups["severity"].Value[0]), match.Groups["package"].Value,
                    match.Groups["tag"].Value, match.Groups["context"].Value.Trim(), line));
            }
        }

        return findings;
    }

    private static LintSeverity Severity(char letter) => letter switch
    {
        'E' => LintSeverity.Error,
        'W' => LintSeverity.Warning,
        _ => LintSeverity.Other,
    };

    [GeneratedRegex(@"^(?<severity>[EWIPXNO]): (?<package>[a-z0-9][a-z0-9+.-]*)(?: [a-z]+)?: (?<tag>[A-Za-z0-9][A-Za-z0-9_.+-]*)(?<context>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LintianLine();

    [GeneratedRegex(@"^(?<package>[A-Za-z0-9][A-Za-z0-9_+.-]*?)(?:\.[a-z0-9_]+)?: (?<severity>[EWI]): (?<tag>[A-Za-z0-9][A-Za-z0-9_.+-]*)(?<context>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex RpmlintLine();
}
