using Mtcopy.Core.Kernel;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Adapters.Smoke;

/// <summary>
/// The smoke guest's test-only modules (<see cref="GuestTestModules"/>, e.g. tests/guest/offc-test) to build out of tree
/// against the built kernel of <paramref name="Tree"/> (its O= directory, ARCH and make variables), from
/// <paramref name="GuestSourceDir"/> (tests/guest), each in its own scratch directory under <paramref name="ScratchDir"/>;
/// logs in <paramref name="LogDir"/>.
/// </summary>
public sealed record GuestTestModulesRequest(KbuildTree Tree, string GuestSourceDir, string ScratchDir, string LogDir)
{
    public KbuildPinnedEnvironment? Pinned { get; init; }
}
