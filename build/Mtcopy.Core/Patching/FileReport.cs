namespace Mtcopy.Core.Patching;

/// <summary>What happened to one file of a patch.</summary>
/// <param name="Path">The path after the patch (the deleted path for a deletion).</param>
/// <param name="OldPath">The source path of a rename or copy, else null.</param>
/// <param name="Kind">Modify, add, delete, rename or copy.</param>
/// <param name="Outcome">Applied, three-way, conflict or failed.</param>
/// <param name="Message">Extra explanation (why it failed), or null.</param>
/// <param name="Hunks">Per-hunk results (empty for binary files and pure renames/mode changes).</param>
public sealed record FileReport(
    string Path,
    string? OldPath,
    FileChangeKind Kind,
    FileOutcome Outcome,
    string? Message,
    IReadOnlyList<HunkResult> Hunks);
