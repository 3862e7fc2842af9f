namespace Mtcopy.Core.Patching;

/// <summary>
/// Refuses paths that would write outside the tree: absolute paths, ".." (and ".", empty)
/// components, anything inside ".git", and paths that pass through a symbolic link (one in the
/// tree, or one an earlier patch of the series creates). Checked for the whole series before
/// anything is written.
/// </summary>
public static class PathSafety
{
    /// <summary>Why <paramref name="path"/> is refused on its own (without looking at the tree), or null.</summary>
    public static string? CheckSyntax(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return "empty path";
        }

        if (path.StartsWith('/'))
        {
            return "absolute path";
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return "path contains a NUL character";
        }

        foreach (var component in path.Split('/'))
        {
            switch (component)
            {
                case "":
                    return "empty path component";
                case ".":
                case "..":
                    return $"\"{component}\" path component";
            }

            if (string.Equals(component, ".git", StringComparison.OrdinalIgnoreCase))
            {
                return "inside the .git directory";
            }
        }

        return null;
    }

    /// <summary>
    /// Every violation in the series. <paramref name="isSymlinkInTree"/> answers whether a
    /// tree-relative path is a symbolic link in the tree the series is applied to.
    /// </summary>
    public static IReadOnlyList<PathViolation> Check(IReadOnlyList<ParsedPatch> series, Func<string, bool> isSymlinkInTree)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(isSymlinkInTree);
        var links = new SymlinkTracker(isSymlinkInTree);
        var violations = new List<PathViolation>();
        for (var i = 0; i < series.Count; i++)
        {
            var patch = series[i];
            links.Record(patch.Files);
            foreach (var path in patch.Files.SelectMany(f => f.Paths).Distinct(StringComparer.Ordinal))
            {
                var reason = CheckSyntax(path) ?? links.ThroughLink(path);
                if (reason is not null)
                {
                    violations.Add(new PathViolation(i + 1, patch.Input.Name, path, reason));
                }
            }
        }

        return violations;
    }

    /// <summary>Throws <see cref="UnsafePatchPathException"/> listing every violation, if any.</summary>
    public static void EnsureSafe(IReadOnlyList<ParsedPatch> series, Func<string, bool> isSymlinkInTree)
    {
        var violations = Check(series, isSymlinkInTree);
        if (violations.Count > 0)
        {
            throw new UnsafePatchPathException(violations);
        }
    }

    /// <summary>Which paths are symbolic links as the series goes on.</summary>
    private sealed class SymlinkTracker(Func<string, bool> isSymlinkInTree)
    {
        private readonly HashSet<string> _created = new(StringComparer.Ordinal);
        private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

        /// <summary>Applies a patch's effect on links: removals first, then links it creates.</summary>
        public void Record(IReadOnlyList<FilePatch> files)
        {
            foreach (var f in files.Where(f => f.Kind is FileChangeKind.Delete or FileChangeKind.Rename))
            {
                Remove(f.OldPath!);
            }

            foreach (var f in files.Where(f => f.NewPath is not null && f.NewMode is not null))
            {
                if (f.NewMode == GitFileMode.Symlink)
                {
                    _created.Add(f.NewPath!);
                    _removed.Remove(f.NewPath!);
                }
                else
                {
                    Remove(f.NewPath!);
                }
            }
        }

        /// <summary>The reason when a directory on the way to <paramref name="path"/> is a link, else null.</summary>
        public string? ThroughLink(string path)
        {
            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                var prefix = path[..slash];
                if (IsLink(prefix))
                {
                    return $"goes through the symbolic link \"{prefix}\"";
                }
            }

            return null;
        }

        private bool IsLink(string path) =>
            _created.Contains(path) || (!_removed.Contains(path) && isSymlinkInTree(path));

        private void Remove(string path)
        {
            _created.Remove(path);
            _removed.Add(path);
        }
    }
}
