namespace Mtcopy.Adapters.Tests.Smoke;

/// <summary>
/// A test that boots the real kernel in qemu: skipped unless MTCOPY_GUEST_TESTS=1 and
/// MTCOPY_KERNEL_BUILD names a built kernel tree (O= directory).
/// </summary>
public sealed class GuestFactAttribute : FactAttribute
{
    public GuestFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MTCOPY_GUEST_TESTS") != "1"
            || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MTCOPY_KERNEL_BUILD")))
        {
            Skip = "Boots a real guest: set MTCOPY_GUEST_TESTS=1 and MTCOPY_KERNEL_BUILD=<kernel build dir> (MTCOPY_GUEST_MODULE=<mtcopy.ko> optional).";
        }
    }
}
