using Mtcopy.Core.Results;

namespace Mtcopy.Adapters.Results;

/// <summary>SHA-256 of files on disk (lower-case hex).</summary>
public static class FileHash
{
    public static string Sha256(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return ContentHash.Sha256(stream);
    }

    /// <summary>The hash, or null when the file does not exist.</summary>
    public static string? Sha256OrNull(string path) => File.Exists(path) ? Sha256(path) : null;
}
