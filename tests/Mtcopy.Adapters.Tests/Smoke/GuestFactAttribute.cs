namespace Mtcopy.Adapters.Tests.Smoke;

/// <summary>
/// A test that boots the real kernel in qemu: skipped unless MTCOPY_GUEST_TESTS is set; then
/// MTCOPY_KERNEL_BUILD must name a built kernel tree (O= directory), or the test fails.
/// </summary>
public sealed class GuestFactAttribute : FactAttribute
{
    public GuestFactAttribute()
    {
        // Only the gate decides: with MTCOPY_GUEST_TESTS set the test runs, and fails if MTCOPY_KERNEL_BUILD is missing.
        Skip = Fixtures.TestGate.SkipUnless("MTCOPY_GUEST_TESTS",
            "Boots a real guest: set MTCOPY_GUEST_TESTS=1 and MTCOPY_KERNEL_BUILD=<kernel build dir> (MTCOPY_GUEST_MODULE=<mtcopy.ko> optional).");
    }
}
