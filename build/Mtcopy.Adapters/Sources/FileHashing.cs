using System.Security.Cryptography;

namespace Mtcopy.Adapters.Sources;

internal static class FileHashing
{
    /// <summary>Lower-case hex sha256 of the file's bytes.</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20, FileOptions.SequentialScan);
        byte[] hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash);
    }
}
