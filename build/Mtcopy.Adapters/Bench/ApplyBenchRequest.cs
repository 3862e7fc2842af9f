using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Bench;

/// <summary>
/// The same series both ways onto <paramref name="BaseCommit"/> of <paramref name="RepositoryPath"/>:
/// <paramref name="Patches"/> for our applier, <paramref name="PatchFiles"/> (absolute paths, in order,
/// no cover letter) for git am. Worktrees go under <paramref name="ScratchDir"/> and are removed afterwards.
/// </summary>
public sealed record ApplyBenchRequest(
    string RepositoryPath,
    string BaseCommit,
    IReadOnlyList<PatchInput> Patches,
    IReadOnlyList<string> PatchFiles,
    string ScratchDir)
{
    /// <summary>Our applier's branch while it runs (deleted afterwards); unique, so a real run's branch is never touched.</summary>
    public string BranchName { get; init; } = "mtcopy-bench/" + Guid.NewGuid().ToString("N")[..8];
}
