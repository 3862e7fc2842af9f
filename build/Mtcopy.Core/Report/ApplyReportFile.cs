using Mtcopy.Core.Patching;
using Mtcopy.Core.Rebase;

namespace Mtcopy.Core.Report;

/// <summary>
/// apply-report.json: Apply's per-patch, per-file, per-hunk report, and the conflict regions (ours and
/// theirs, base with diff3 markers) it left in the worktree's files, read when Apply stopped.
/// </summary>
public sealed record ApplyReportFile(SeriesReport Report, IReadOnlyList<ConflictHunk> Regions)
{
    public const string FileName = "apply-report.json";
}
