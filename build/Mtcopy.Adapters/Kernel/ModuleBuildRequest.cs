using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Kernel;

/// <summary>
/// Build the external module in <paramref name="ModuleSourceDir"/> against the built kernel in
/// <paramref name="KernelBuildDir"/> (the O= directory). The source is copied into
/// <see cref="OutDir"/> (or a fresh temporary directory) first so the user's directory stays
/// clean; the log goes to <c>&lt;LogDir&gt;/module.log</c>.
/// </summary>
public sealed record ModuleBuildRequest(string KernelBuildDir, string ModuleSourceDir, string LogDir)
{
    /// <summary>Scratch directory for the copy and the build; must be missing, empty, or a previous mtcopy scratch dir.</summary>
    public string? OutDir { get; init; }

    public string? Arch { get; init; }

    public int Jobs { get; init; } = Environment.ProcessorCount;

    public KbuildPinnedEnvironment? Pinned { get; init; }

    public IReadOnlyList<string> ExtraVariables { get; init; } = [];

    public string MakeProgram { get; init; } = "make";

    public TimeSpan? Timeout { get; init; }
}
