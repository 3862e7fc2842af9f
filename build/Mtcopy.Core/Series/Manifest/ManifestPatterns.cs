using System.Text.RegularExpressions;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>The shapes manifest values must have.</summary>
internal static partial class ManifestPatterns
{
    [GeneratedRegex(@"^[a-z0-9][a-z0-9.+-]*\z")]
    public static partial Regex SeriesName();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?\z")]
    public static partial Regex SemVer();

    [GeneratedRegex(@"^debian:([0-9]+)\.([0-9]+)\z")]
    public static partial Regex BaseId();

    /// <summary>A package name, Debian policy 5.6.1; used for the RPM names too (RPM accepts the same set).</summary>
    [GeneratedRegex(@"^[a-z0-9][a-z0-9.+-]+\z")]
    public static partial Regex DebianPackage();

    [GeneratedRegex(@"^([0-9]+:)?[0-9][A-Za-z0-9.+~-]*\z")]
    public static partial Regex DebianVersion();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\z")]
    public static partial Regex Suite();

    /// <summary>A directory below the manifest's: relative, '/'-separated names that do not start with a dot.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._+-]*(/[A-Za-z0-9_][A-Za-z0-9._+-]*)*\z")]
    public static partial Regex SeriesDirectory();

    /// <summary>Upstream kernel version: 6.12, 6.12.117, 6.13-rc3.</summary>
    [GeneratedRegex(@"^([0-9]+)\.([0-9]+)(\.[0-9]+)?(-rc[0-9]+)?\z")]
    public static partial Regex KernelVersion();

    [GeneratedRegex(@"^[a-z0-9_]+\z")]
    public static partial Regex Arch();

    [GeneratedRegex(@"^[a-z0-9_]*config\z")]
    public static partial Regex ConfigTarget();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]*\z")]
    public static partial Regex FragmentName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    public static partial Regex CIdentifier();

    [GeneratedRegex(@"^CONFIG_[A-Z0-9_]+\z")]
    public static partial Regex KconfigSymbol();

    [GeneratedRegex(@"^/sys(/[A-Za-z0-9_.:-]+)+\z")]
    public static partial Regex SysfsDirectory();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]*\z")]
    public static partial Regex SysfsName();

    /// <summary><c>Full Name &lt;address&gt;</c>: the groups <c>name</c> and <c>email</c>.</summary>
    [GeneratedRegex(@"^(?<name>[^<>\s](?:[^<>\r\n]*[^<>\s])?) <(?<email>[^<>@\s]+@[^<>@\s]+)>\z", RegexOptions.CultureInvariant)]
    public static partial Regex Maintainer();

    /// <summary>(name, email) of <c>Full Name &lt;address&gt;</c>, or null when it is not of that shape.</summary>
    public static (string Name, string Email)? SplitMaintainer(string? maintainer) =>
        maintainer is not null && Maintainer().Match(maintainer) is { Success: true } match
            ? (match.Groups["name"].Value, match.Groups["email"].Value)
            : null;

    /// <summary>A name the packages carry in their names and versions (the series name, the first module's name).</summary>
    [GeneratedRegex(@"^[a-z0-9]{2,}\z")]
    public static partial Regex PackagedName();

    [GeneratedRegex(@"^-[a-z0-9][a-z0-9.+-]*\z")]
    public static partial Regex LocalVersion();
}
