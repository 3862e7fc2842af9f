using Mtcopy.Core.Kernel;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Adapters.Smoke;

/// <summary>
/// The smoke guest's test-only modules (<see cref="GuestTestModules"/>, e.g. tests/guest/offc-test) to build out of tree
/// against the kernel in <paramref name="KernelBuildDir"/> (the O= directory), from <paramref name="GuestSourceDir"/>
/// (tests/guest), each in its own scratch directory under <paramref name="ScratchDir"/>; logs in <paramref name="LogDir"/>.
/// </summary>
public sealed record GuestTestModulesRequest(string KernelBuildDir, string GuestSourceDir, string ScratchDir, string LogDir)
{
    public int Jobs { get; init; } = Environment.ProcessorCount;

    public KbuildPinnedEnvironment? Pinned { get; init; }

    public IReadOnlyList<string> ExtraVariables { get; init; } = [];
}
