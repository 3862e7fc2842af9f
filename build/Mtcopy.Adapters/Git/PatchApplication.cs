using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Git;

/// <summary>What applying one patch did to the worktree.</summary>
/// <param name="Files">Per-file outcomes.</param>
/// <param name="ConflictPaths">Files left with conflict markers.</param>
/// <param name="RejectPaths">".rej" files written.</param>
internal sealed record PatchApplication(
    IReadOnlyList<FileReport> Files,
    IReadOnlyList<string> ConflictPaths,
    IReadOnlyList<string> RejectPaths)
{
    public bool Succeeded => Files.All(f => f.Outcome is FileOutcome.Applied or FileOutcome.ThreeWay);
}
