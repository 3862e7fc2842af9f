namespace Mtcopy.Core.Patching;

/// <summary>The result of applying one file patch to the file's current state.</summary>
/// <param name="Patch">The file patch.</param>
/// <param name="Outcome">Applied or failed (three-way outcomes are set by the caller that merges).</param>
/// <param name="Result">
/// The file after the patch: null when it is deleted; for a failure, the content with the hunks that
/// did apply (null when nothing could be computed).
/// </param>
/// <param name="Hunks">One result per text hunk.</param>
/// <param name="Message">Why the file failed, when it is not just failed hunks.</param>
public sealed record FileApplyResult(
    FilePatch Patch,
    FileOutcome Outcome,
    FileState? Result,
    IReadOnlyList<HunkResult> Hunks,
    string? Message);
