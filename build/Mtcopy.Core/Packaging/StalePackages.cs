namespace Mtcopy.Core.Packaging;

/// <summary>
/// The package files in an output directory that this run did not make: left by an earlier run whose names
/// differed (another version or naming scheme). They go, so that <c>apt install ./packages/mtcopy-dkms_*.deb</c>
/// finds one package and SHA256SUMS covers every package in the directory. Other files are left alone.
/// </summary>
public static class StalePackages
{
    private static readonly string[] PackageSuffixes = [".deb", ".rpm", ".dsc", ".tar.gz", ".tar.xz", ".changes", ".buildinfo"];

    /// <summary>The names among <paramref name="present"/> that look like packages and are not in <paramref name="made"/>.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> present, IEnumerable<string> made)
    {
        ArgumentNullException.ThrowIfNull(present);
        ArgumentNullException.ThrowIfNull(made);
        var keep = new HashSet<string>(made, StringComparer.Ordinal);
        return [.. present
            .Where(n => !keep.Contains(n) && PackageSuffixes.Any(s => n.EndsWith(s, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)];
    }
}
