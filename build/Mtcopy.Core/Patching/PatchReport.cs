namespace Mtcopy.Core.Patching;

/// <summary>What happened to one patch of the series.</summary>
/// <param name="Number">1-based position in the series.</param>
/// <param name="Name">The patch's name.</param>
/// <param name="Outcome">Applied, stopped or not attempted.</param>
/// <param name="CommitId">The commit made for it, when applied.</param>
/// <param name="Files">Per-file results (empty when not attempted).</param>
public sealed record PatchReport(
    int Number,
    string Name,
    PatchOutcome Outcome,
    string? CommitId,
    IReadOnlyList<FileReport> Files);
