namespace Mtcopy.Core.Series;

/// <summary>
/// The files of a series directory, by paths relative to it (forward slashes). Keeps the
/// series logic free of disk access: <see cref="DiskSeriesDirectory"/> is the real one, tests
/// hand in their own.
/// </summary>
public interface ISeriesDirectory
{
    /// <summary>The directory as shown in messages (e.g. <c>patches</c>).</summary>
    string DisplayPath { get; }

    /// <summary>True when a regular file exists at the relative path.</summary>
    bool FileExists(string relativePath);

    /// <summary>The file's text (UTF-8).</summary>
    string ReadAllText(string relativePath);
}
