using System.Text.RegularExpressions;

namespace Mtcopy.Core.Sources;

/// <summary>Reads VERSION, PATCHLEVEL, SUBLEVEL and EXTRAVERSION from a kernel's top-level Makefile.</summary>
public static partial class KernelMakefileVersion
{
    /// <summary>
    /// The version as <c>make kernelversion</c> prints it
    /// (<c>$(VERSION).$(PATCHLEVEL).$(SUBLEVEL)$(EXTRAVERSION)</c>, e.g. 6.12.117 or 6.13.0-rc3),
    /// or false when the text has no numeric VERSION and PATCHLEVEL.
    /// </summary>
    public static bool TryParse(string makefileText, out string version)
    {
        ArgumentNullException.ThrowIfNull(makefileText);
        version = string.Empty;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Assignment().Matches(makefileText))
        {
            values.TryAdd(match.Groups["name"].Value, match.Groups["value"].Value.Trim());
        }

        if (!values.TryGetValue("VERSION", out string? major) || !IsNumber(major)
            || !values.TryGetValue("PATCHLEVEL", out string? minor) || !IsNumber(minor))
        {
            return false;
        }

        values.TryGetValue("SUBLEVEL", out string? sub);
        values.TryGetValue("EXTRAVERSION", out string? extra);
        if (!string.IsNullOrEmpty(sub) && !IsNumber(sub))
        {
            return false;
        }

        version = string.IsNullOrEmpty(sub) ? $"{major}.{minor}{extra}" : $"{major}.{minor}.{sub}{extra}";
        return true;
    }

    private static bool IsNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    [GeneratedRegex(@"^(?<name>VERSION|PATCHLEVEL|SUBLEVEL|EXTRAVERSION)[ \t]*=(?<value>[^\r\n]*)\r?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();
}
