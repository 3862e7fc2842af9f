namespace Mtcopy.Core.Rebase;

/// <summary>
/// One conflict region of a file left by a three-way merge: where its markers are, and both sides.
/// Ours is the new base, theirs is the patch being moved; base is the old base (diff3 style only).
/// </summary>
/// <param name="Path">The file, relative to the tree.</param>
/// <param name="StartLine">1-based line of the <c>&lt;&lt;&lt;&lt;&lt;&lt;&lt;</c> marker.</param>
/// <param name="EndLine">1-based line of the <c>&gt;&gt;&gt;&gt;&gt;&gt;&gt;</c> marker.</param>
/// <param name="Ours">The new base's lines.</param>
/// <param name="Base">The common ancestor's lines (empty without diff3 markers).</param>
/// <param name="Theirs">The patch's lines.</param>
public sealed record ConflictHunk(
    string Path,
    int StartLine,
    int EndLine,
    IReadOnlyList<string> Ours,
    IReadOnlyList<string> Base,
    IReadOnlyList<string> Theirs);
