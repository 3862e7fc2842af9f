using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mtcopy.Adapters.Sources;

/// <summary>
/// A cheap identity of a plain directory: sha256 over the sorted listing of relative path, type,
/// mode, size, modification time and link target of every entry (file contents are not read, as
/// make does not read them either). Symbolic links are recorded, never followed.
/// </summary>
internal static class DirectoryFingerprint
{
    public static string Compute(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var pending = new Stack<string>();
        pending.Push(string.Empty);
        var lines = new List<string>();
        while (pending.Count > 0)
        {
            string relative = pending.Pop();
            var directory = new DirectoryInfo(Path.Combine(root, relative));
            foreach (FileSystemInfo entry in directory.EnumerateFileSystemInfos())
            {
                string path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                lines.Add(Describe(entry, path));
                if (entry is DirectoryInfo && entry.LinkTarget is null)
                {
                    pending.Push(path);
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Describe(FileSystemInfo entry, string path)
    {
        string mode = Convert.ToString((int)entry.UnixFileMode, 8);
        long ticks = entry.LastWriteTimeUtc.Ticks;
        return entry switch
        {
            _ when entry.LinkTarget is not null => $"{path}\0l\0{entry.LinkTarget}\n",
            FileInfo file => string.Create(CultureInfo.InvariantCulture, $"{path}\0f\0{mode}\0{file.Length}\0{ticks}\n"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{path}\0d\0{mode}\n"),
        };
    }
}
