using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Rebase;

/// <summary>What to rebase: the series, its own base, the new base, and the directory the rebase may use.</summary>
/// <param name="OldRepository">A git repository holding <paramref name="OldBase"/> (only read; it lends the preimage blobs of the three-way merges).</param>
/// <param name="OldBase">The commit the series applies onto today.</param>
/// <param name="NewRepository">A git repository holding <paramref name="NewBase"/> (only read).</param>
/// <param name="NewBase">The commit to move the series onto.</param>
/// <param name="WorkDirectory">Everything the rebase makes goes here (its own repository, worktree and state): abort deletes it.</param>
/// <param name="Series">The patches, in order.</param>
public sealed record RebaseRequest(
    string OldRepository,
    string OldBase,
    string NewRepository,
    string NewBase,
    string WorkDirectory,
    IReadOnlyList<PatchInput> Series)
{
    /// <summary>How the series is applied onto the new base (three-way, no fuzz by default).</summary>
    public ApplyOptions Options { get; init; } = ApplyOptions.Default;
}
