using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Sources;

/// <summary>Checks that a tree is a kernel source tree and reads its version.</summary>
internal static class KernelTree
{
    /// <summary>The version from the top-level Makefile text, or a user error naming <paramref name="where"/>.</summary>
    public static string VersionFromMakefile(string? makefileText, string where)
    {
        if (makefileText is not null && KernelMakefileVersion.TryParse(makefileText, out string version))
        {
            return version;
        }

        string problem = makefileText is null ? "has no top-level Makefile" : "has a top-level Makefile without numeric VERSION and PATCHLEVEL";
        throw new KernelFetchException($"{where} {problem}, so it is not a Linux kernel source tree. Point --kernel= at the top of a kernel tree.");
    }
}
