using System.Security.Cryptography;
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

    /// <summary>As <see cref="Sha256"/>, read asynchronously in large sequential blocks (for downloads of a few hundred MB).</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The hash, or null when the file does not exist.</summary>
    public static string? Sha256OrNull(string path) => File.Exists(path) ? Sha256(path) : null;

    /// <summary>One hash over a set of files: their paths relative to <paramref name="root"/> and their contents, in a stable order.</summary>
    public static string OfFiles(string root, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return ContentHash.Sha256(string.Join("\n", files
            .Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal)
            .Select(f => f + ":" + Sha256(Path.Combine(root, f)))));
    }

    /// <summary>One hash over every file under <paramref name="dir"/>, named by its path inside it (see <see cref="OfFiles"/>).</summary>
    public static string OfDirectory(string dir) => OfFiles(dir, Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories));
}
