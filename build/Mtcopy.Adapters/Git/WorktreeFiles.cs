using System.Text;
using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Git;

/// <summary>
/// Reads and writes tree-relative paths inside our worktree as git sees them (symlinks as their
/// target text, the executable bit as the mode). Never follows a symbolic link: a link on the way
/// to a path is refused, and a link at the path itself is replaced, not written through.
/// </summary>
internal sealed class WorktreeFiles
{
    private const UnixFileMode RegularMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode ExecutableMode =
        RegularMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly string _root;

    public WorktreeFiles(string root) => _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    /// <summary>True when something (file, link or directory) exists at the path.</summary>
    public bool Exists(string path)
    {
        var full = Resolve(path);
        return File.Exists(full) || Directory.Exists(full) || IsLink(full);
    }

    /// <summary>Tree-relative paths of the files and links below a directory (empty when it is not a real directory).</summary>
    public IEnumerable<string> FilesUnder(string path)
    {
        var full = Resolve(path);
        if (!Directory.Exists(full) || IsLink(full))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        return Directory.EnumerateFileSystemEntries(full, "*", options)
            .Where(e => !Directory.Exists(e) || IsLink(e))
            .Select(e => Path.GetRelativePath(_root, e).Replace(Path.DirectorySeparatorChar, '/'));
    }

    /// <summary>True when the path itself is a symbolic link (for path-safety checks).</summary>
    public bool IsSymlink(string path)
    {
        var full = Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar));
        return IsLink(full);
    }

    /// <summary>The file's content and mode, or null when there is no file or link at the path.</summary>
    public FileState? Read(string path)
    {
        var full = Resolve(path);
        var info = new FileInfo(full);
        if (info.LinkTarget is { } target)
        {
            return new FileState(Encoding.UTF8.GetBytes(target), GitFileMode.Symlink);
        }

        if (!info.Exists)
        {
            return null;
        }

        var executable = (info.UnixFileMode & UnixFileMode.UserExecute) != 0;
        return new FileState(File.ReadAllBytes(full), executable ? GitFileMode.Executable : GitFileMode.Regular);
    }

    /// <summary>Replaces whatever is at the path with <paramref name="state"/>, creating directories.</summary>
    public void Write(string path, FileState state)
    {
        var full = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (IsLink(full) || File.Exists(full))
        {
            File.Delete(full);
        }

        if (state.Mode == GitFileMode.Symlink)
        {
            File.CreateSymbolicLink(full, Encoding.UTF8.GetString(state.Content.Span));
            return;
        }

        using (var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(state.Content.Span);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, state.Mode == GitFileMode.Executable ? ExecutableMode : RegularMode);
        }
    }

    /// <summary>Writes a plain side file (e.g. "x.c.rej").</summary>
    public void WriteText(string path, string text) =>
        Write(path, new FileState(Encoding.UTF8.GetBytes(text), GitFileMode.Regular));

    /// <summary>Removes the file or link at the path and then any directories left empty.</summary>
    public void Delete(string path)
    {
        var full = Resolve(path);
        if (IsLink(full) || File.Exists(full))
        {
            File.Delete(full);
        }

        for (var dir = Path.GetDirectoryName(full);
             dir is not null && dir.Length > _root.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any();
             dir = Path.GetDirectoryName(dir))
        {
            Directory.Delete(dir);
        }
    }

    /// <summary>The absolute path, after checking it stays inside the worktree and crosses no symlink.</summary>
    private string Resolve(string path)
    {
        if (PathSafety.CheckSyntax(path) is { } reason)
        {
            throw new UnsafePatchPathException($"refusing \"{path}\": {reason}");
        }

        var current = _root;
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            current = Path.Combine(current, parts[i]);
            if (IsLink(current))
            {
                throw new UnsafePatchPathException($"refusing \"{path}\": it goes through the symbolic link \"{string.Join('/', parts[..(i + 1)])}\"");
            }
        }

        return Path.Combine(current, parts[^1]);
    }

    private static bool IsLink(string full) => new FileInfo(full).LinkTarget is not null;
}
