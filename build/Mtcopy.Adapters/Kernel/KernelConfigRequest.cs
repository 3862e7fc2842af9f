using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Kernel;

/// <summary>
/// Configure <paramref name="Tree"/> from <paramref name="Base"/> plus the fragment; the log goes to
/// <c>&lt;LogDir&gt;/&lt;LogFileName&gt;</c> (configure.log unless told otherwise).
/// </summary>
public sealed record KernelConfigRequest(KbuildTree Tree, KernelConfigBase Base, string FragmentPath, string LogDir)
{
    public string LogFileName { get; init; } = KernelConfigurator.LogFileName;

    /// <summary>
    /// Whether every option of the fragment must be set in the final .config (the default). False for a tree that may
    /// lack some of them, e.g. a prefix of the series.
    /// </summary>
    public bool VerifyFragment { get; init; } = true;

    public TimeSpan? Timeout { get; init; }
}
