using System.Text.RegularExpressions;

namespace Mtcopy.Core.Sources;

/// <summary>
/// Which Debian package (and, when pinned, which exact version) provides a kernel series.
/// The series manifest supplies it; <see cref="DefaultFor"/> is the unpinned fallback.
/// </summary>
public sealed partial record DebianPackagePin
{
    public DebianPackagePin(string package, string? version)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (!PackagePattern().IsMatch(package))
        {
            throw new KernelFetchException($"'{package}' is not a valid Debian package name (lower-case letters, digits, '+', '-', '.').");
        }

        if (version is not null && !VersionPattern().IsMatch(version))
        {
            throw new KernelFetchException($"'{version}' is not a valid Debian version for package {package}.");
        }

        Package = package;
        Version = version;
    }

    public string Package { get; }

    /// <summary>The exact version to download, or null for the newest one apt offers.</summary>
    public string? Version { get; }

    /// <summary><c>linux-source-&lt;series&gt;</c>, unpinned.</summary>
    public static DebianPackagePin DefaultFor(string series) => new($"linux-source-{series}", null);

    /// <summary>The apt argument: <c>pkg=version</c> when pinned, else <c>pkg</c>.</summary>
    public string ToAptArgument() => Version is null ? Package : $"{Package}={Version}";

    /// <summary>The file name mtcopy stores the .deb of <paramref name="version"/> under in its cache.</summary>
    public string CacheFileName(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return $"{Package}_{version.Replace(":", "%3a", StringComparison.Ordinal)}.deb";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PackagePattern();

    [GeneratedRegex("^([0-9]+:)?[0-9][0-9A-Za-z.+~-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
