using Mtcopy.Core.Series;

namespace Mtcopy.Core.Tests.Series;

/// <summary>A series directory held in a dictionary: relative path to text.</summary>
internal sealed class InMemorySeriesDirectory(string displayPath, IReadOnlyDictionary<string, string> files) : ISeriesDirectory
{
    public string DisplayPath => displayPath;

    public bool FileExists(string relativePath) => files.ContainsKey(relativePath);

    public string ReadAllText(string relativePath) =>
        files.TryGetValue(relativePath, out var text) ? text : throw new FileNotFoundException(relativePath);
}
