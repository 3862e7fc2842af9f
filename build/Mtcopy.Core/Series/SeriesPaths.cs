namespace Mtcopy.Core.Series;

/// <summary>Rules for the file names a series lists (patches, config fragments).</summary>
public static class SeriesPaths
{
    /// <summary>
    /// True for a relative path that stays inside the series directory: not rooted, no
    /// <c>..</c> or empty components, no backslashes.
    /// </summary>
    public static bool IsInsideSeries(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path[0] == '/' || path.Contains('\\', StringComparison.Ordinal) ||
            Path.IsPathRooted(path))
        {
            return false;
        }

        return path.Split('/').All(part => part.Length > 0 && part != "..");
    }
}
