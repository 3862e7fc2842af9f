using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Tests.Patching;

public sealed class ReportRendererTests
{
    [Fact]
    public void Renders_patches_files_and_failed_hunks_with_expected_and_actual_lines()
    {
        var report = new SeriesReport(
        [
            new PatchReport(1, "0001-a.patch", PatchOutcome.Applied, "0123456789abcdef0123", [
                new FileReport("mm/a.c", "mm/a.c", FileChangeKind.Modify, FileOutcome.Applied, null, [
                    new HunkResult(1, HunkOutcome.Clean, 10, 10, 0, 0, [], []),
                    new HunkResult(2, HunkOutcome.Offset, 40, 43, 3, 0, [], []),
                ]),
                new FileReport("mm/new.c", "mm/old.c", FileChangeKind.Rename, FileOutcome.Applied, null, []),
            ]),
            new PatchReport(2, "0002-b.patch", PatchOutcome.Stopped, null, [
                new FileReport("mm/b.c", "mm/b.c", FileChangeKind.Modify, FileOutcome.Conflict, null, [
                    new HunkResult(1, HunkOutcome.Conflict, 7, null, 0, 0, ["ctx", "old"], ["ctx", "changed"]),
                ]),
            ]),
            new PatchReport(3, "0003-c.patch", PatchOutcome.NotAttempted, null, []),
        ]);

        var text = ReportRenderer.Render(report);

        Assert.Equal(
            """
            [1/3] 0001-a.patch: applied as 0123456789ab
                M mm/a.c: ok
                    hunk #2 at line 40: applied at line 43 (offset +3)
                R mm/old.c -> mm/new.c: ok
            [2/3] 0002-b.patch: STOPPED
                M mm/b.c: CONFLICT (markers left in the file)
                    hunk #1 at line 7: did not apply; three-way merge CONFLICT
                      expected:
                      | ctx
                      | old
                      actual (from line 7):
                      | ctx
                      | changed
            [3/3] 0003-c.patch: not attempted

            """.ReplaceLineEndings("\n"),
            text);
        Assert.False(report.Succeeded);
        Assert.Equal(2, report.StoppedAt!.Number);
    }
}
