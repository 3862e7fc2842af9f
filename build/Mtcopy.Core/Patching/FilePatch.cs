namespace Mtcopy.Core.Patching;

/// <summary>The change a patch makes to one path (one "diff --git" section or one plain unified diff).</summary>
/// <param name="OldPath">Path before (tree-relative, '/'-separated); null for <see cref="FileChangeKind.Add"/>.</param>
/// <param name="NewPath">Path after; null for <see cref="FileChangeKind.Delete"/>.</param>
/// <param name="Kind">What happens to the path.</param>
/// <param name="OldMode">Mode before, when the patch states it.</param>
/// <param name="NewMode">Mode after, when the patch states it.</param>
/// <param name="OldId">Blob id (often abbreviated) of the preimage from the "index" line.</param>
/// <param name="NewId">Blob id of the postimage from the "index" line.</param>
/// <param name="Similarity">Percentage from "similarity index", for renames/copies.</param>
/// <param name="Hunks">Text hunks (empty for binary, pure renames and mode changes).</param>
/// <param name="Binary">Binary patch data, when the file is binary.</param>
/// <param name="Line">1-based line of the diff text where this file's header starts.</param>
public sealed record FilePatch(
    string? OldPath,
    string? NewPath,
    FileChangeKind Kind,
    GitFileMode? OldMode,
    GitFileMode? NewMode,
    string? OldId,
    string? NewId,
    int? Similarity,
    IReadOnlyList<Hunk> Hunks,
    BinaryPatch? Binary,
    int Line)
{
    /// <summary>The path that exists after the patch (or the deleted path).</summary>
    public string Path => NewPath ?? OldPath ?? string.Empty;

    /// <summary>Every path this file patch reads or writes.</summary>
    public IEnumerable<string> Paths =>
        new[] { OldPath, NewPath }.OfType<string>().Distinct(StringComparer.Ordinal);
}
