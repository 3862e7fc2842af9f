using System.Globalization;
using Mtcopy.Core.Patching;
using Mtcopy.Core.Rebase;
using Mtcopy.Core.Results;

namespace Mtcopy.Core.Report;

/// <summary>
/// The series section from metadata.json's apply record and, when Apply wrote it, apply-report.json: files and
/// hunks for every patch that did not apply cleanly; for a conflict, ours, base and theirs side by side.
/// </summary>
public static class SeriesView
{
    /// <param name="apply">metadata.json's apply record; null when Apply did not apply anything in this run.</param>
    /// <param name="stage">This run's apply stage, if it ran (a skip says why).</param>
    /// <param name="report">apply-report.json, when Apply wrote it.</param>
    public static SeriesSection Build(ApplyResult? apply, StageResult? stage, ApplyReportFile? report)
    {
        if (apply is null)
        {
            string why = stage is null ? "Apply did not run in this run."
                : stage.Status == StageStatus.Skip ? $"Apply was skipped: {stage.Message}."
                : $"Apply failed before applying a patch: {stage.Message}";
            return new SeriesSection(false, why, "", "", []);
        }

        var patches = new List<PatchView>();
        for (int i = 0; i < apply.Patches.Count; i++)
        {
            PatchRecord patch = apply.Patches[i];
            PatchReport? detail = report?.Report.Patches.FirstOrDefault(p => p.Name == patch.Patch);
            IReadOnlyList<PatchFileView> files = detail is null || patch.Outcome == "clean"
                ? []
                : [.. detail.Files.Select(f => File(f, report!.Regions)).Where(f => f.Hunks.Count > 0 || f.Regions.Count > 0 || f.Badge.Css != "st-pass")];
            patches.Add(new PatchView(i + 1, patch.Patch, ReportBadge.ForPatchVerdict(patch.Outcome), ReportFormat.Short(patch.Commit), patch.Message ?? "", files));
        }

        return new SeriesSection(true, "", ReportFormat.Short(apply.BaseCommit), ReportFormat.Short(apply.ResultCommit) is { Length: > 0 } r ? r : "none (the series did not apply)", patches);
    }

    private static PatchFileView File(FileReport file, IReadOnlyList<ConflictHunk> allRegions)
    {
        ReportBadge badge = file.Outcome switch
        {
            FileOutcome.Applied => ReportBadge.Pass("applied"),
            FileOutcome.ThreeWay => ReportBadge.Warn("three-way"),
            FileOutcome.Conflict => ReportBadge.Fail("conflict"),
            _ => ReportBadge.Fail("failed"),
        };
        var regions = allRegions.Where(r => r.Path == file.Path).ToList();
        var conflicts = file.Hunks.Where(h => h.Outcome == HunkOutcome.Conflict).ToList();
        // Pair the n-th conflicting hunk with the n-th marker region only when the counts agree (git merge-file may join neighbours).
        bool paired = regions.Count == conflicts.Count;
        var hunks = file.Hunks.Where(h => h.Outcome != HunkOutcome.Clean)
            .Select(h => Hunk(h, paired && h.Outcome == HunkOutcome.Conflict ? regions[conflicts.IndexOf(h)] : null))
            .ToList();
        IReadOnlyList<HunkView> loose = paired ? [] : [.. regions.Select(Region)];
        return new PatchFileView(file.OldPath is { } old && old != file.Path ? $"{old} → {file.Path}" : file.Path, badge, file.Message ?? "", hunks, loose);
    }

    private static HunkView Hunk(HunkResult hunk, ConflictHunk? region)
    {
        string what = hunk.Outcome switch
        {
            HunkOutcome.Offset => Invariant($"applied at line {hunk.AppliedLine} (offset {hunk.Offset:+0;-0;0})"),
            HunkOutcome.Fuzz => Invariant($"applied at line {hunk.AppliedLine} with fuzz {hunk.Fuzz}"),
            HunkOutcome.ThreeWay => "merged three-way",
            HunkOutcome.Conflict => "three-way merge left a conflict",
            _ => "did not apply and could not be merged",
        };
        ReportBadge badge = hunk.Outcome switch
        {
            HunkOutcome.Offset => ReportBadge.Warn("offset"),
            HunkOutcome.Fuzz => ReportBadge.Warn("fuzz"),
            HunkOutcome.ThreeWay => ReportBadge.Warn("three-way"),
            _ => ReportBadge.Fail("conflict"),
        };
        bool sides = hunk.Outcome is HunkOutcome.Conflict or HunkOutcome.Failed;
        var ours = new ConflictSide(Invariant($"ours: the tree at line {hunk.ExpectedLine}"),
            region?.Ours ?? hunk.ActualLines, "");
        var @base = new ConflictSide("base: what the patch expects", region is { Base.Count: > 0 } ? region.Base : hunk.ExpectedLines, "");
        var theirs = new ConflictSide("theirs: what the patch makes of it", region?.Theirs ?? [],
            region is null ? "not recorded: the hunk could not be merged (see the .rej file next to it)" : "");
        return new HunkView(Invariant($"hunk #{hunk.Number} at line {hunk.ExpectedLine}: {what}"), badge, sides,
            Noted(ours), Noted(@base), theirs);
    }

    private static HunkView Region(ConflictHunk region) =>
        new(Invariant($"conflict markers at lines {region.StartLine}-{region.EndLine}"), ReportBadge.Fail("conflict"), true,
            Noted(new ConflictSide("ours: the tree", region.Ours, "")),
            Noted(new ConflictSide("base", region.Base, "")),
            Noted(new ConflictSide("theirs: the patch", region.Theirs, "")));

    private static ConflictSide Noted(ConflictSide side) =>
        side.Lines.Count == 0 && side.Note.Length == 0 ? side with { Note = "no lines" } : side;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
