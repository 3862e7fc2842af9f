using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Kernel;

/// <summary>
/// Build <paramref name="Tree"/> (already configured); the log goes to <c>&lt;LogDir&gt;/&lt;LogFileName&gt;</c> (build.log
/// unless told otherwise).
/// Targets default to <see cref="KbuildCommands.DefaultBuildTargets"/> (bzImage modules).
/// </summary>
public sealed record KernelBuildRequest(KbuildTree Tree, string LogDir)
{
    public string LogFileName { get; init; } = KernelBuilder.BuildLogFileName;

    public int Jobs { get; init; } = Environment.ProcessorCount;

    public IReadOnlyList<string>? Targets { get; init; }

    /// <summary>KBUILD_BUILD_TIMESTAMP/USER/HOST/VERSION; null leaves kbuild's defaults (not reproducible).</summary>
    public KbuildPinnedEnvironment? Pinned { get; init; }

    public TimeSpan? Timeout { get; init; }
}
