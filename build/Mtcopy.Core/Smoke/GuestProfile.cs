namespace Mtcopy.Core.Smoke;

/// <summary>
/// What a config's guest runs beyond the common tests. The manifest's default config (smoke) boots
/// the fast set; every other config (debug: KASAN, lockdep, memory hot-remove) adds the heavy cases
/// (<c>mtcopy.heavy=1</c>: memory offline of a node 1 block while migrating) and gets a longer timeout.
/// </summary>
public static class GuestProfile
{
    public const string HeavyArgument = "mtcopy.heavy=1";

    public static readonly TimeSpan HeavyTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The extra kernel arguments of a config's guest.</summary>
    public static IReadOnlyList<string> KernelArgs(bool isDefaultConfig) => isDefaultConfig ? [] : [HeavyArgument];

    public static TimeSpan Timeout(bool isDefaultConfig) => isDefaultConfig ? QemuSettings.DefaultTimeout : HeavyTimeout;
}
