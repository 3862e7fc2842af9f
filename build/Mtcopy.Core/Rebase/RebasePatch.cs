namespace Mtcopy.Core.Rebase;

/// <summary>One patch of a rebase: its outcome and its commit on the new base.</summary>
/// <param name="Number">1-based position in the series.</param>
/// <param name="Name">The patch's name (its file name in the series).</param>
/// <param name="Subject">The commit subject.</param>
/// <param name="Outcome">How it moved.</param>
/// <param name="NewCommit">The commit on the new base, once made.</param>
/// <param name="ChangedFiles">Files the patch touches that differ between the old and new base.</param>
/// <param name="Conflicts">The conflict regions when it stopped (kept after a user resolution, for the report).</param>
public sealed record RebasePatch(
    int Number,
    string Name,
    string Subject,
    RebaseOutcome Outcome,
    string? NewCommit,
    IReadOnlyList<string> ChangedFiles,
    IReadOnlyList<ConflictHunk> Conflicts)
{
    /// <summary>The word for reports: clean, three-way, conflict, resolved-by-user, pending.</summary>
    public string Word => Outcome switch
    {
        RebaseOutcome.Clean => "clean",
        RebaseOutcome.ThreeWay => "three-way",
        RebaseOutcome.Conflict => "conflict",
        RebaseOutcome.ResolvedByUser => "resolved-by-user",
        _ => "pending",
    };
}
