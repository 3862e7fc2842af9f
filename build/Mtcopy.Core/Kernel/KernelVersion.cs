using System.Globalization;
using System.Text.RegularExpressions;
using Mtcopy.Core;

namespace Mtcopy.Core.Kernel;

/// <summary>
/// A kernel version as in the top-level Makefile: VERSION.PATCHLEVEL.SUBLEVEL + EXTRAVERSION,
/// e.g. 6.12.117 or 6.13.0-rc1. Ordering: numbers first; then an <c>-rcN</c> extra sorts
/// before no extra (6.13.0-rc1 &lt; 6.13.0); other extras sort ordinally after no extra.
/// </summary>
public sealed partial record KernelVersion(int Version, int PatchLevel, int SubLevel, string ExtraVersion = "")
    : IComparable<KernelVersion>
{
    /// <summary>Reads VERSION, PATCHLEVEL, SUBLEVEL and EXTRAVERSION from top-level Makefile text.</summary>
    public static KernelVersion FromMakefile(string makefileText, string sourceName = "Makefile")
    {
        ArgumentNullException.ThrowIfNull(makefileText);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string rawLine in makefileText.Split('\n'))
        {
            Match match = MakefileVariable().Match(rawLine.TrimEnd());
            if (match.Success)
            {
                values.TryAdd(match.Groups["name"].Value, match.Groups["value"].Value);
            }
        }

        int Number(string name) =>
            values.TryGetValue(name, out string? text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                ? n
                : throw new UserErrorException(
                    $"{sourceName}: no numeric '{name} = ...' line; this does not look like a kernel's top-level Makefile. "
                    + "Point at the root of a Linux source tree.");

        return new KernelVersion(
            Number("VERSION"),
            Number("PATCHLEVEL"),
            Number("SUBLEVEL"),
            values.GetValueOrDefault("EXTRAVERSION", string.Empty));
    }

    /// <summary>Parses "6.12.117", "6.12" (sublevel 0) or "6.13.0-rc1"; anything after the numbers is the extra.</summary>
    public static KernelVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out KernelVersion? version)
            ? version
            : throw new FormatException($"'{text}' is not a kernel version like 6.12.117.");
    }

    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KernelVersion? version)
    {
        ArgumentNullException.ThrowIfNull(text);
        Match match = VersionText().Match(text.Trim());
        if (!match.Success
            || !int.TryParse(match.Groups["v"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int v)
            || !int.TryParse(match.Groups["p"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int p))
        {
            version = null;
            return false;
        }

        int s = 0;
        if (match.Groups["s"].Success && !int.TryParse(match.Groups["s"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out s))
        {
            version = null;
            return false;
        }

        version = new KernelVersion(v, p, s, match.Groups["extra"].Value);
        return true;
    }

    /// <summary>The same version without EXTRAVERSION.</summary>
    public KernelVersion WithoutExtra() => this with { ExtraVersion = string.Empty };

    public int CompareTo(KernelVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        int byNumbers = (Version, PatchLevel, SubLevel).CompareTo((other.Version, other.PatchLevel, other.SubLevel));
        return byNumbers != 0 ? byNumbers : CompareExtra(ExtraVersion, other.ExtraVersion);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Version}.{PatchLevel}.{SubLevel}{ExtraVersion}");

    public static bool operator <(KernelVersion? left, KernelVersion? right) => Compare(left, right) < 0;

    public static bool operator <=(KernelVersion? left, KernelVersion? right) => Compare(left, right) <= 0;

    public static bool operator >(KernelVersion? left, KernelVersion? right) => Compare(left, right) > 0;

    public static bool operator >=(KernelVersion? left, KernelVersion? right) => Compare(left, right) >= 0;

    private static int Compare(KernelVersion? left, KernelVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private static int CompareExtra(string left, string right)
    {
        int? leftRc = ReleaseCandidate(left);
        int? rightRc = ReleaseCandidate(right);
        return (leftRc, rightRc) switch
        {
            ({ } l, { } r) => l.CompareTo(r),
            (not null, null) => right.Length == 0 ? -1 : string.CompareOrdinal(left, right),
            (null, not null) => left.Length == 0 ? 1 : string.CompareOrdinal(left, right),
            _ => string.CompareOrdinal(left, right),
        };
    }

    private static int? ReleaseCandidate(string extra)
    {
        Match match = RcExtra().Match(extra);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
    }

    [GeneratedRegex(@"^(?<name>VERSION|PATCHLEVEL|SUBLEVEL|EXTRAVERSION)[ \t]*[:?]?=[ \t]*(?<value>.*?)[ \t]*$")]
    private static partial Regex MakefileVariable();

    [GeneratedRegex(@"^(?<v>\d+)\.(?<p>\d+)(?:\.(?<s>\d+))?(?<extra>\S*)$")]
    private static partial Regex VersionText();

    [GeneratedRegex(@"^-rc(\d+)$")]
    private static partial Regex RcExtra();
}
