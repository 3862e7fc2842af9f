using System.Text.Json;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Sources;

/// <summary>
/// The file written last into a cache entry (inside its .git directory, so it is never part of
/// the tree): its presence means the entry is complete.
/// </summary>
internal sealed record BaseMarker(
    string CacheKey,
    string CommitId,
    string TreeId,
    string Description,
    string KernelVersion,
    IReadOnlyList<string> ImportWarnings)
{
    public const string FileName = "mtcopy-base.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string PathIn(string repositoryPath) => Path.Combine(repositoryPath, ".git", FileName);

    public static BaseMarker From(FetchedBase fetched) =>
        new(fetched.CacheKey, fetched.CommitId, fetched.TreeId, fetched.Description, fetched.KernelVersion, fetched.Warnings);

    public FetchedBase ToFetchedBase(string repositoryPath, bool fromCache) =>
        new(repositoryPath, CommitId, TreeId, Description, KernelVersion, CacheKey, ImportWarnings, fromCache);

    /// <summary>Writes via a temporary file and a rename, so a reader never sees half a marker.</summary>
    public void Write(string repositoryPath)
    {
        string path = PathIn(repositoryPath);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Options));
        File.Move(temporary, path, overwrite: true);
    }

    public static BaseMarker? TryRead(string repositoryPath)
    {
        string path = PathIn(repositoryPath);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            BaseMarker? marker = JsonSerializer.Deserialize<BaseMarker>(File.ReadAllText(path), Options);
            return marker is { CommitId.Length: > 0, TreeId.Length: > 0 } ? marker : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
