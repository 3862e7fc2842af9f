namespace Mtcopy.Core.Series;

/// <summary>The only disk access of the series code: files under one directory.</summary>
public sealed class DiskSeriesDirectory : ISeriesDirectory
{
    private readonly string root;

    /// <exception cref="UserErrorException">The directory does not exist.</exception>
    public DiskSeriesDirectory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path))
        {
            throw new UserErrorException(
                $"The series directory '{path}' does not exist; pass --series=<directory holding manifest.yaml or a quilt series file>.");
        }

        DisplayPath = path;
        root = Path.GetFullPath(path);
    }

    public string DisplayPath { get; }

    public bool FileExists(string relativePath) =>
        SeriesPaths.IsInsideSeries(relativePath) && File.Exists(FullPath(relativePath));

    public string ReadAllText(string relativePath)
    {
        if (!SeriesPaths.IsInsideSeries(relativePath))
        {
            throw new UserErrorException(
                $"'{relativePath}' is outside the series directory '{DisplayPath}'; use a path inside it.");
        }

        return File.ReadAllText(FullPath(relativePath));
    }

    private string FullPath(string relativePath) => Path.Combine(root, relativePath);
}
