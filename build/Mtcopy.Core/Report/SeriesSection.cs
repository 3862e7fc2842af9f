namespace Mtcopy.Core.Report;

/// <summary>The series: each patch with how it applied; for one that did not apply cleanly, its files and hunks.</summary>
public sealed record SeriesSection(bool Present, string Absent, string BaseCommit, string ResultCommit, IReadOnlyList<PatchView> Patches);

/// <summary>One patch: number, name, verdict (clean, offset, fuzz, three-way, conflict, not-attempted), commit and the files worth showing.</summary>
public sealed record PatchView(int Number, string Name, ReportBadge Badge, string Commit, string Message, IReadOnlyList<PatchFileView> Files);

/// <summary>A file of a patch with the hunks that did not apply cleanly, and conflict regions no hunk could be paired with.</summary>
public sealed record PatchFileView(string Path, ReportBadge Badge, string Message, IReadOnlyList<HunkView> Hunks, IReadOnlyList<HunkView> Regions);

/// <summary>
/// One hunk: what happened, and for a conflict the three sides: ours (the tree), base (what the patch
/// was written against) and theirs (what the patch wants); a side not recorded says so in its note.
/// </summary>
public sealed record HunkView(string Title, ReportBadge Badge, bool ShowSides, ConflictSide Ours, ConflictSide Base, ConflictSide Theirs);

/// <summary>The lines of one side, or a note when there are none to show.</summary>
public sealed record ConflictSide(string Label, IReadOnlyList<string> Lines, string Note);
