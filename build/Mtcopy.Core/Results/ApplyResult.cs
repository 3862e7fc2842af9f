namespace Mtcopy.Core.Results;

/// <summary>The series application: base commit, the resulting commit and tree (null if it failed) and each patch.</summary>
public sealed record ApplyResult(
    string BaseCommit,
    string? ResultCommit,
    string? ResultTree,
    IReadOnlyList<PatchRecord> Patches);
