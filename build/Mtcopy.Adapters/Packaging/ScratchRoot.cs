namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// A directory standing in for / while packages are installed and removed: created empty, listed
/// (relative paths, directories with a trailing '/', symbolic links not followed), and emptied of a
/// package's files the way dpkg removes them (files first, then directories left empty).
/// </summary>
public sealed class ScratchRoot
{
    public ScratchRoot(string root)
    {
        Root = Path.GetFullPath(root);
        if (Root == "/" || !Path.IsPathFullyQualified(root))
        {
            throw new ArgumentException($"'{root}' cannot be a scratch root.", nameof(root));
        }
    }

    public string Root { get; }

    public static ScratchRoot CreateEmpty(string root)
    {
        var scratch = new ScratchRoot(root);
        if (Directory.Exists(scratch.Root))
        {
            Directory.Delete(scratch.Root, recursive: true);
        }

        Directory.CreateDirectory(scratch.Root);
        return scratch;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.TrimStart('/'));

    public IReadOnlyList<string> List()
    {
        var entries = new List<string>();
        Walk(new DirectoryInfo(Root), entries);
        return [.. entries.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Deletes the listed files and symbolic links, then the listed directories that are empty, deepest
    /// first, except those in <paramref name="keep"/> (directories that were there before, as dpkg
    /// leaves directories other packages also own).
    /// </summary>
    public void Remove(IReadOnlyList<string> packagePaths, IReadOnlyCollection<string> keep)
    {
        ArgumentNullException.ThrowIfNull(packagePaths);
        ArgumentNullException.ThrowIfNull(keep);
        foreach (string path in packagePaths.Where(p => !p.EndsWith('/')))
        {
            var info = new FileInfo(PathOf(path));
            if (info.Exists || info.LinkTarget is not null)
            {
                info.Delete();
            }
        }

        foreach (string directory in packagePaths.Where(p => p.EndsWith('/') && !keep.Contains(p)).OrderByDescending(p => p.Length))
        {
            string full = PathOf(directory);
            if (Directory.Exists(full) && !Directory.EnumerateFileSystemEntries(full).Any())
            {
                Directory.Delete(full);
            }
        }
    }

    private void Walk(DirectoryInfo directory, List<string> entries)
    {
        foreach (FileSystemInfo entry in directory.EnumerateFileSystemInfos())
        {
            string relative = Path.GetRelativePath(Root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (entry.LinkTarget is not null)
            {
                entries.Add(relative);
            }
            else if (entry is DirectoryInfo sub)
            {
                entries.Add(relative + "/");
                Walk(sub, entries);
            }
            else
            {
                entries.Add(relative);
            }
        }
    }
}
