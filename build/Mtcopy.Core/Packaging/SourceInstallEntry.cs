namespace Mtcopy.Core.Packaging;

/// <summary>One line of debian/&lt;package&gt;.install: a module source file and the directory it goes to (no leading /).</summary>
public sealed record SourceInstallEntry(string Path, string InstallDirectory)
{
    /// <summary>The entries for <paramref name="relativePaths"/> under <paramref name="sourceDirectory"/> (e.g. /usr/src/mtcopy-0.1.0), sorted.</summary>
    public static IReadOnlyList<SourceInstallEntry> For(string sourceDirectory, IEnumerable<string> relativePaths)
    {
        ArgumentNullException.ThrowIfNull(sourceDirectory);
        ArgumentNullException.ThrowIfNull(relativePaths);
        return [.. relativePaths.Order(StringComparer.Ordinal).Select(p =>
        {
            int slash = p.LastIndexOf('/');
            string directory = sourceDirectory.TrimStart('/') + (slash < 0 ? "" : "/" + p[..slash]);
            return new SourceInstallEntry(p, directory);
        })];
    }
}
