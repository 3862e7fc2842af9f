namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// A test that packs a real built kernel with bindeb-pkg and binrpm-pkg (about a minute per run):
/// skipped unless MTCOPY_PACKAGING_TESTS=1 and MTCOPY_KERNEL_BUILD names a kernel build directory
/// the pipeline made (&lt;out&gt;/work/build-&lt;config&gt;, next to its worktree &lt;out&gt;/work/linux).
/// </summary>
public sealed class RealKernelPackagingFactAttribute : FactAttribute
{
    public RealKernelPackagingFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MTCOPY_PACKAGING_TESTS") != "1"
            || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MTCOPY_KERNEL_BUILD")))
        {
            Skip = "Packs a real kernel: set MTCOPY_PACKAGING_TESTS=1 and MTCOPY_KERNEL_BUILD=<out>/work/build-smoke of a pipeline run.";
        }
    }
}
