namespace Mtcopy.Adapters.Git;

/// <summary>Absolute paths with symbolic links resolved (git records worktrees by their real path).</summary>
internal static class RealPath
{
    private const int MaxDepth = 40;

    /// <summary>Resolves every symbolic link in the existing part of <paramref name="path"/>; the rest is kept as written.</summary>
    public static string Of(string path) => Resolve(Path.GetFullPath(path), 0);

    private static string Resolve(string full, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new IOException($"too many levels of symbolic links in {full}");
        }

        var root = Path.GetPathRoot(full) ?? Path.DirectorySeparatorChar.ToString();
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                var resolved = Path.GetFullPath(target, current);
                next = Resolve(resolved, depth + 1);
            }
            else if (!info.Exists && !Directory.Exists(next))
            {
                return Path.TrimEndingDirectorySeparator(Path.Combine([next, .. parts[(i + 1)..]]));
            }

            current = next;
        }

        return Path.TrimEndingDirectorySeparator(current);
    }
}
