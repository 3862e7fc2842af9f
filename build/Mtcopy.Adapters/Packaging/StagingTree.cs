using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// A directory tree being assembled for a package: files written with fixed modes, and every
/// mtime set to SOURCE_DATE_EPOCH before packing (what <c>touch -d @epoch</c> would do).
/// </summary>
internal sealed class StagingTree(string root)
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public const UnixFileMode ExecutableMode = DirectoryMode;

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Deletes what a previous run left and creates the root afresh.</summary>
    public static StagingTree CreateEmpty(string root)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        return new StagingTree(root);
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public string Write(string relativePath, ReadOnlySpan<byte> content, bool executable = false)
    {
        string path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content.ToArray());
        SetMode(path, executable ? ExecutableMode : FileMode);
        return path;
    }

    public string WriteText(string relativePath, string content, bool executable = false) =>
        Write(relativePath, System.Text.Encoding.UTF8.GetBytes(content), executable);

    public void WriteFiles(string relativeDirectory, IEnumerable<TarballFile> files)
    {
        foreach (TarballFile file in files)
        {
            Write(relativeDirectory + "/" + file.RelativePath, file.Content.Span, file.Executable);
        }
    }

    /// <summary>Directory modes 0755 and every mtime SOURCE_DATE_EPOCH, files first then directories deepest first.</summary>
    public void Normalise(long sourceDateEpoch)
    {
        DateTime mtime = DateTimeOffset.FromUnixTimeSeconds(sourceDateEpoch).UtcDateTime;
        foreach (string file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, mtime);
        }

        var directories = Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories)
            .OrderByDescending(d => d.Length)
            .Append(Root);
        foreach (string directory in directories)
        {
            SetMode(directory, DirectoryMode);
            Directory.SetLastWriteTimeUtc(directory, mtime);
        }
    }

    /// <summary>Debian Installed-Size: each file rounded up to KiB, each directory 1 KiB, the control area excluded.</summary>
    public long InstalledSizeKib(string excludedTopDirectory)
    {
        long total = 0;
        foreach (string entry in Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(Root, entry);
            if (relative == excludedTopDirectory || relative.StartsWith(excludedTopDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            total += File.Exists(entry) ? (new FileInfo(entry).Length + 1023) / 1024 : 1;
        }

        return total;
    }

    // Packages are built on Linux only; elsewhere the modes stay as created.
    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}
