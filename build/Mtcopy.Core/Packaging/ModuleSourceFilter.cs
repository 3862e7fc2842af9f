namespace Mtcopy.Core.Packaging;

/// <summary>
/// Which files of a module source directory are source: kbuild's outputs (objects, .ko, .cmd,
/// Module.symvers...) and editor or VCS leftovers are left out of the tarball and packages.
/// </summary>
public static class ModuleSourceFilter
{
    private static readonly string[] BuildSuffixes = [".o", ".ko", ".mod", ".mod.c", ".mod.o", ".cmd", ".a", ".order", ".symvers", ".swp", "~"];

    /// <param name="relativePath">'/'-separated path below the module source directory.</param>
    public static bool IsSource(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        string[] parts = relativePath.Split('/');
        if (parts.Any(p => p.StartsWith('.')))
        {
            return false;
        }

        string name = parts[^1];
        return !BuildSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal))
            && !string.Equals(name, "Module.symvers", StringComparison.Ordinal)
            && !string.Equals(name, "modules.order", StringComparison.Ordinal);
    }
}
