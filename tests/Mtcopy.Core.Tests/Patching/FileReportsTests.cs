using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Tests.Patching;

public sealed class FileReportsTests
{
    private static FilePatch TwoHunks() => Assert.Single(DiffParser.Parse(
        "diff --git a/f.c b/f.c\nindex 1111111..2222222 100644\n--- a/f.c\n+++ b/f.c\n"
        + "@@ -17,7 +17,7 @@\n a17\n a18\n a19\n-a20\n+twenty\n a21\n a22\n a23\n"
        + "@@ -32,7 +32,7 @@\n a32\n a33\n a34\n-a35\n+thirtyfive\n a36\n a37\n a38\n"));

    private static readonly string[] Before = [.. Enumerable.Range(1, 40).Select(n => n == 18 ? "a18 changed" : $"a{n}")];

    [Fact]
    public void Hunks_git_does_not_mention_are_clean_and_moved_ones_get_offset_and_fuzz()
    {
        var log = new GitApplyFileLog();
        log.Moved.Add(new HunkNote(1, 21, 2, 2));
        log.Moved.Add(new HunkNote(2, 35, null, null));

        var report = FileReports.Build(TwoHunks(), log, FileOutcome.Applied, null, []);

        Assert.Equal(("f.c", FileOutcome.Applied), (report.Path, report.Outcome));
        var (fuzzed, offset) = (report.Hunks[0], report.Hunks[1]);
        Assert.Equal((HunkOutcome.Fuzz, 17, 20, 3, 1), (fuzzed.Outcome, fuzzed.ExpectedLine, fuzzed.AppliedLine!.Value, fuzzed.Offset, fuzzed.Fuzz));
        Assert.Equal((HunkOutcome.Offset, 32, 35, 3, 0), (offset.Outcome, offset.ExpectedLine, offset.AppliedLine!.Value, offset.Offset, offset.Fuzz));
        Assert.Equal(HunkOutcome.Clean, FileReports.Build(TwoHunks(), new GitApplyFileLog(), FileOutcome.Applied, null, []).Hunks[0].Outcome);
    }

    [Theory]
    [InlineData(FileOutcome.Conflict, HunkOutcome.Conflict)]
    [InlineData(FileOutcome.ThreeWay, HunkOutcome.ThreeWay)]
    [InlineData(FileOutcome.Failed, HunkOutcome.Failed)]
    public void A_failed_hunk_takes_the_file_outcome_and_shows_expected_and_actual_lines(FileOutcome file, HunkOutcome hunk)
    {
        var log = new GitApplyFileLog();
        log.FailedOldLines.Add(17);

        var report = FileReports.Build(TwoHunks(), log, file, "why", Before);

        var failed = report.Hunks[0];
        Assert.Equal((hunk, 17, (int?)null), (failed.Outcome, failed.ExpectedLine, failed.AppliedLine));
        Assert.Equal(["a17", "a18", "a19", "a20", "a21", "a22", "a23"], failed.ExpectedLines);
        Assert.Equal(["a17", "a18 changed", "a19", "a20", "a21", "a22", "a23"], failed.ActualLines);
        Assert.Equal(HunkOutcome.Clean, report.Hunks[1].Outcome);
        Assert.Equal("why", report.Message);
    }

    [Fact]
    public void Reduced_context_without_a_hunk_number_goes_to_the_nearest_unnamed_hunk()
    {
        var log = new GitApplyFileLog();
        log.Moved.Add(new HunkNote(null, 33, 2, 2));

        var report = FileReports.Build(TwoHunks(), log, FileOutcome.Applied, null, []);

        Assert.Equal(HunkOutcome.Clean, report.Hunks[0].Outcome);
        Assert.Equal((HunkOutcome.Fuzz, 32, 1), (report.Hunks[1].Outcome, report.Hunks[1].AppliedLine!.Value, report.Hunks[1].Fuzz));
    }
}
