namespace Mtcopy.Core.Patching;

/// <summary>What "git apply -v" said about one file of a patch (see <see cref="GitApplyLog"/>).</summary>
public sealed class GitApplyFileLog
{
    /// <summary>Hunks git applied somewhere else than their header says, or with less context.</summary>
    public List<HunkNote> Moved { get; } = [];

    /// <summary>The old-file start lines ("@@ -N") of the hunks that did not apply.</summary>
    public List<int> FailedOldLines { get; } = [];

    /// <summary>True when git had no preimage blob for a three-way merge.</summary>
    public bool MissingPreimage { get; set; }

    /// <summary>Other errors about this file (without "error: "), e.g. "x.c: already exists in index".</summary>
    public List<string> Errors { get; } = [];

    /// <summary>True when a hunk or the file itself did not apply.</summary>
    public bool Failed => FailedOldLines.Count > 0 || Errors.Count > 0;
}
