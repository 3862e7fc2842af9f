namespace Mtcopy.Core.Checks;

/// <summary>
/// What to rebuild with W=1 to see the warnings in the files a series touches: the object of each
/// touched C file, or its directory for a driver directory the series adds (its Makefile names the objects).
/// </summary>
public static class TouchedObjects
{
    public static IReadOnlyList<string> MakeTargets(IEnumerable<string> touchedPaths, Func<string, bool> isNewDirectory)
    {
        ArgumentNullException.ThrowIfNull(touchedPaths);
        ArgumentNullException.ThrowIfNull(isNewDirectory);
        var targets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string path in touchedPaths.Where(p => p.EndsWith(".c", StringComparison.Ordinal)))
        {
            string dir = Path.GetDirectoryName(path)?.Replace('\\', '/') ?? "";
            targets.Add(isNewDirectory(dir) ? dir + "/" : path[..^2] + ".o");
        }

        return [.. targets];
    }

    /// <summary>The warning lines of a build log that point into one of <paramref name="touchedPaths"/>.</summary>
    public static IReadOnlyList<string> WarningsIn(IEnumerable<string> logLines, IReadOnlyCollection<string> touchedPaths)
    {
        ArgumentNullException.ThrowIfNull(logLines);
        ArgumentNullException.ThrowIfNull(touchedPaths);
        return [.. logLines.Where(l => l.Contains("warning:", StringComparison.Ordinal)
            && touchedPaths.Any(p => l.Contains(p + ":", StringComparison.Ordinal)))];
    }
}
