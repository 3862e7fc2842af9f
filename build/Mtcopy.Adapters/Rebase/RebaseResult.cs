using Mtcopy.Core.Rebase;

namespace Mtcopy.Adapters.Rebase;

/// <summary>Where a rebase run ended: every patch's outcome, and the worktree (holding the conflict when stopped).</summary>
public sealed record RebaseResult(RebaseState State, string StatePath)
{
    public bool Completed => State.Completed;

    public IReadOnlyList<RebasePatch> Patches => State.Patches;

    /// <summary>The patch that conflicted, when stopped.</summary>
    public RebasePatch? Stopped => State.StoppedIndex is { } i ? State.Patches[i] : null;
}
