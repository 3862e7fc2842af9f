using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>Every entry under a directory with its type, mode, size, mtime and content hash: to prove nothing changed.</summary>
internal static class TreeSnapshot
{
    public static string Take(string root)
    {
        var lines = new List<string>();
        foreach (FileSystemInfo entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
        }))
        {
            string relative = Path.GetRelativePath(root, entry.FullName);
            string content = entry is FileInfo file && entry.LinkTarget is null
                ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file.FullName)))
                : entry.LinkTarget ?? "dir";
            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{relative} {entry.UnixFileMode} {entry.LastWriteTimeUtc.Ticks} {content}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines) + $"\nroot {new DirectoryInfo(root).LastWriteTimeUtc.Ticks}";
    }
}
