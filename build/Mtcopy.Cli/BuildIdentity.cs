using Mtcopy.Core.Kernel;

namespace Mtcopy.Cli;

/// <summary>
/// The one build identity every kernel make of a run uses (build, package, checks): a make with
/// other values rewrites compile.h and relinks vmlinux, and the packages would not hold the kernel
/// that was tested.
/// </summary>
public static class BuildIdentity
{
    public const string User = "mtcopy";
    public const string Host = "mtcopy-build";

    /// <summary>The pinned KBUILD_BUILD_* values for a series whose newest patch is dated <paramref name="sourceDateEpoch"/>.</summary>
    public static KbuildPinnedEnvironment For(long sourceDateEpoch) =>
        new(DateTimeOffset.FromUnixTimeSeconds(sourceDateEpoch), User, Host);
}
