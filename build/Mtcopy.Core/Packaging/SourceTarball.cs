using System.Formats.Tar;
using System.Text;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// A reproducible source tarball: ustar entries sorted by path, every mtime SOURCE_DATE_EPOCH,
/// owner root:root (0/0), modes 0755 for directories and executables and 0644 otherwise,
/// all under one top directory, gzip-compressed with <see cref="DeterministicGzip"/>.
/// </summary>
public static class SourceTarball
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode ExecutableMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>The .tar.gz bytes.</summary>
    /// <param name="prefix">Top directory, e.g. mtcopy-0.1.0.</param>
    public static byte[] Create(string prefix, IReadOnlyCollection<TarballFile> files, long sourceDateEpoch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentNullException.ThrowIfNull(files);
        return DeterministicGzip.Compress(CreateTar(prefix, files, sourceDateEpoch));
    }

    /// <summary>The uncompressed tar bytes.</summary>
    public static byte[] CreateTar(string prefix, IReadOnlyCollection<TarballFile> files, long sourceDateEpoch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentNullException.ThrowIfNull(files);
        DateTimeOffset mtime = DateTimeOffset.FromUnixTimeSeconds(sourceDateEpoch);
        var byPath = new SortedDictionary<string, TarballFile?>(StringComparer.Ordinal) { [prefix + "/"] = null };
        foreach (TarballFile file in files)
        {
            CheckPath(file.RelativePath);
            string path = prefix + "/" + file.RelativePath;
            if (!byPath.TryAdd(path, file))
            {
                throw new ArgumentException($"Duplicate tarball path {file.RelativePath}.", nameof(files));
            }

            for (int slash = path.IndexOf('/', prefix.Length + 1); slash >= 0; slash = path.IndexOf('/', slash + 1))
            {
                byPath.TryAdd(path[..(slash + 1)], null);
            }
        }

        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach ((string path, TarballFile? file) in byPath)
            {
                writer.WriteEntry(Entry(path, file, mtime));
            }
        }

        return tar.ToArray();
    }

    private static UstarTarEntry Entry(string path, TarballFile? file, DateTimeOffset mtime)
    {
        var entry = new UstarTarEntry(file is null ? TarEntryType.Directory : TarEntryType.RegularFile, path)
        {
            ModificationTime = mtime,
            Mode = file is null || file.Executable ? ExecutableMode : FileMode,
            Uid = 0,
            Gid = 0,
            UserName = "root",
            GroupName = "root",
        };
        if (file is not null)
        {
            entry.DataStream = new MemoryStream(file.Content.ToArray(), writable: false);
        }

        return entry;
    }

    private static void CheckPath(string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath) || relativePath.StartsWith('/') || relativePath.EndsWith('/')
            || relativePath.Contains('\\', StringComparison.Ordinal)
            || relativePath.Split('/').Any(p => p is "" or "." or "..")
            || Encoding.UTF8.GetByteCount(relativePath) > 200)
        {
            throw new ArgumentException($"'{relativePath}' is not a relative '/'-separated path of at most 200 bytes.", nameof(relativePath));
        }
    }
}
