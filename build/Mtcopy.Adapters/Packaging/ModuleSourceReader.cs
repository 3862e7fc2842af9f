using Mtcopy.Core;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>Reads the module source files (kbuild outputs left out, see <see cref="ModuleSourceFilter"/>) in path order.</summary>
public static class ModuleSourceReader
{
    /// <exception cref="UserErrorException">The directory is missing, has no Kbuild or Makefile, or holds a symlink.</exception>
    public static IReadOnlyList<TarballFile> Read(string moduleSourceDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(moduleSourceDir);
        string root = Path.GetFullPath(moduleSourceDir);
        if (!File.Exists(Path.Combine(root, "Kbuild")) && !File.Exists(Path.Combine(root, "Makefile")))
        {
            throw new UserErrorException($"{root} is not a module source directory (no Kbuild or Makefile): point at kmod-src.");
        }

        var files = new List<TarballFile>();
        foreach (string path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            var info = new FileInfo(path);
            if (info.LinkTarget is not null && ModuleSourceFilter.IsSource(relative))
            {
                throw new UserErrorException($"{path} is a symbolic link; the module source must be regular files.");
            }

            if (info.Exists && ModuleSourceFilter.IsSource(relative))
            {
                bool executable = (info.UnixFileMode & UnixFileMode.UserExecute) != 0;
                files.Add(new TarballFile(relative, File.ReadAllBytes(path), executable));
            }
        }

        return [.. files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }
}
