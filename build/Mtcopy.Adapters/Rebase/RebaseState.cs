using Mtcopy.Core.Rebase;

namespace Mtcopy.Adapters.Rebase;

/// <summary>The rebase between runs (rebase-state.json in the work directory): where it stands, patch by patch.</summary>
/// <param name="Version">Format version.</param>
/// <param name="Repository">Our own bare repository (it borrows the objects of the old and new base repositories).</param>
/// <param name="Worktree">The worktree on the new base where the patches are picked.</param>
/// <param name="Branch">Our branch in <paramref name="Repository"/>.</param>
/// <param name="OldBase">The series' own base commit.</param>
/// <param name="NewBase">The new base commit.</param>
/// <param name="SeriesFingerprint">Hash of the series, so --continue is handed the same patches.</param>
/// <param name="Patches">Every patch and its outcome so far.</param>
/// <param name="StoppedIndex">0-based index of the patch that conflicted; null when not stopped.</param>
public sealed record RebaseState(
    int Version,
    string Repository,
    string Worktree,
    string Branch,
    string OldBase,
    string NewBase,
    string SeriesFingerprint,
    IReadOnlyList<RebasePatch> Patches,
    int? StoppedIndex)
{
    public const string FileName = "rebase-state.json";

    /// <summary>True when every patch is on the new base.</summary>
    public bool Completed => StoppedIndex is null && Patches.All(p => p.NewCommit is not null);
}
