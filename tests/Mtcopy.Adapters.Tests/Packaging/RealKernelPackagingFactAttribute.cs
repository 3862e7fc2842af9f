namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// A test that packs a real built kernel with bindeb-pkg and binrpm-pkg (about a minute per run):
/// skipped unless MTCOPY_PACKAGING_TESTS is set; then MTCOPY_KERNEL_BUILD must name a kernel build directory
/// the pipeline made (&lt;out&gt;/work/build-&lt;config&gt;, next to its worktree &lt;out&gt;/work/linux).
/// </summary>
public sealed class RealKernelPackagingFactAttribute : FactAttribute
{
    public RealKernelPackagingFactAttribute()
    {
        // Only the gate decides: with MTCOPY_PACKAGING_TESTS set the test runs, and fails if MTCOPY_KERNEL_BUILD is missing.
        Skip = Fixtures.TestGate.SkipUnless("MTCOPY_PACKAGING_TESTS",
            "Packs a real kernel: set MTCOPY_PACKAGING_TESTS=1 and MTCOPY_KERNEL_BUILD=<out>/work/build-smoke of a pipeline run.");
    }
}
