namespace Mtcopy.Core.Packaging;

/// <summary>Listings of a directory tree (relative paths, directories ending in '/') and what one has that the other has not.</summary>
public static class TreeListing
{
    /// <summary>The entries of <paramref name="after"/> not in <paramref name="before"/>, sorted; those under an ignored prefix are left out.</summary>
    public static IReadOnlyList<string> Added(IEnumerable<string> before, IEnumerable<string> after, IReadOnlyList<string>? ignoredPrefixes = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var known = new HashSet<string>(before, StringComparer.Ordinal);
        return [.. after
            .Where(p => !known.Contains(p))
            .Where(p => !(ignoredPrefixes ?? []).Any(i => p.StartsWith(i, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)];
    }
}
