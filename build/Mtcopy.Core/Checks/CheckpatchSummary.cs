using System.Globalization;
using System.Text.RegularExpressions;

namespace Mtcopy.Core.Checks;

/// <summary>The totals line of <c>scripts/checkpatch.pl</c>: "total: E errors, W warnings, C checks, N lines checked".</summary>
public sealed partial record CheckpatchSummary(int Errors, int Warnings, int Checks)
{
    public bool Clean => Errors == 0 && Warnings == 0;

    public static CheckpatchSummary Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Match m = Totals().Match(output);
        if (!m.Success)
        {
            throw new FormatException("checkpatch printed no 'total:' line; did it run on a patch file?");
        }

        int Number(string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        return new CheckpatchSummary(Number("e"), Number("w"), m.Groups["c"].Success ? Number("c") : 0);
    }

    [GeneratedRegex(@"^total: (?<e>\d+) errors?, (?<w>\d+) warnings?(, (?<c>\d+) checks?)?", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Totals();
}
