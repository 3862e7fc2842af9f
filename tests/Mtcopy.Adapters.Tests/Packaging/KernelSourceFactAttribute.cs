using Mtcopy.Adapters.Sources;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// A fact that needs a kernel source tree (for the kernel's own scripts/sign-file.c): MTCOPY_KERNEL_SOURCE,
/// else a base the Fetch stage put in its cache. Without one the test is reported as skipped, saying so.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KernelSourceFactAttribute : FactAttribute
{
    public KernelSourceFactAttribute()
    {
        if (Find() is null)
        {
            Skip = "No kernel source: set MTCOPY_KERNEL_SOURCE or run ./build.sh --target=Fetch first.";
        }
    }

    /// <summary>The kernel source tree to use, or null.</summary>
    public static string? Find()
    {
        string? given = Environment.GetEnvironmentVariable("MTCOPY_KERNEL_SOURCE");
        IEnumerable<string> candidates = given is not null
            ? [given]
            : Directory.Exists(Path.Combine(SourceCache.DefaultRoot(), "bases"))
                ? Directory.EnumerateDirectories(Path.Combine(SourceCache.DefaultRoot(), "bases")).Order(StringComparer.Ordinal)
                : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "scripts", "sign-file.c")));
    }
}
