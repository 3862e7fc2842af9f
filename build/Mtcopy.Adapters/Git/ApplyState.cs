using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Git;

/// <summary>What a stopped run leaves for continue: where it stopped and the report so far.</summary>
/// <param name="Version">Format version of this file.</param>
/// <param name="BaseCommit">The commit the series started from.</param>
/// <param name="BranchName">Our branch.</param>
/// <param name="WorktreePath">Our worktree.</param>
/// <param name="SeriesFingerprint">Hash of the series, so continue is handed the same patches.</param>
/// <param name="StoppedIndex">0-based index of the patch that stopped.</param>
/// <param name="StoppedPaths">Every path the stopped patch touches (staged on continue).</param>
/// <param name="ConflictPaths">Files left with conflict markers.</param>
/// <param name="RejectPaths">".rej" files written for hunks that could not be merged.</param>
/// <param name="Report">The report up to and including the stopped patch.</param>
public sealed record ApplyState(
    int Version,
    string BaseCommit,
    string BranchName,
    string WorktreePath,
    string SeriesFingerprint,
    int StoppedIndex,
    IReadOnlyList<string> StoppedPaths,
    IReadOnlyList<string> ConflictPaths,
    IReadOnlyList<string> RejectPaths,
    SeriesReport Report);
