namespace Mtcopy.Core.Sources;

/// <summary>Where a Debian linux-source package keeps the kernel tarball.</summary>
public static class DebianSourceLayout
{
    /// <summary><c>usr/src/linux-source-&lt;series&gt;.tar.xz</c>, relative to the extracted package.</summary>
    public static string ExpectedTarballPath(string series) => $"usr/src/linux-source-{series}.tar.xz";

    /// <summary>
    /// Picks the kernel tarball of <paramref name="series"/> from the package's file list
    /// (paths relative to the package root, '/' separated, an optional leading "./").
    /// Throws a <see cref="KernelFetchException"/> naming what the package has instead.
    /// </summary>
    public static string FindSourceTarball(IEnumerable<string> relativePaths, string series, string packageDescription)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);
        string expected = ExpectedTarballPath(series);
        var normalized = relativePaths
            .Select(p => p.Replace('\\', '/'))
            .Select(p => p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p)
            .ToList();

        string? match = normalized.FirstOrDefault(p => string.Equals(p, expected, StringComparison.Ordinal));
        if (match is not null)
        {
            return match;
        }

        var others = normalized
            .Where(p => p.StartsWith("usr/src/linux-source-", StringComparison.Ordinal) && p.Contains(".tar", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        string found = others.Count == 0 ? "no linux-source tarball at all" : "only " + string.Join(", ", others);
        throw new KernelFetchException(
            $"{packageDescription} does not contain {expected} ({found}). " +
            $"Check that the package configured for series {series} is the linux-source package of that series.");
    }
}
