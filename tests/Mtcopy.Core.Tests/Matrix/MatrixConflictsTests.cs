using Mtcopy.Core.Matrix;
using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Tests.Matrix;

/// <summary>From the applier's report to matrix verdicts and conflict reasons.</summary>
public sealed class MatrixConflictsTests
{
    private static readonly HunkResult Failed = new(2, HunkOutcome.Conflict, 1700, null, 0, 0,
        ["\trc = migrate_pages_batch(from, mode);", "\tif (rc)"], ["\trc = unmap_and_move(page, mode);", "\tif (rc)"]);

    private static SeriesReport Report(params FileReport[] files) => new([
        new PatchReport(1, "0001-a.patch", PatchOutcome.Stopped, null, files),
        new PatchReport(2, "0002-b.patch", PatchOutcome.NotAttempted, null, []),
    ]);

    [Fact]
    public void A_conflicting_hunk_names_the_identifiers_the_base_lacks()
    {
        var report = Report(new FileReport("mm/migrate.c", null, FileChangeKind.Modify, FileOutcome.Conflict, null,
            [new HunkResult(1, HunkOutcome.Offset, 10, 12, 2, 0, [], []), Failed]));

        MatrixConflict c = Assert.Single(MatrixConflicts.From(report, _ => "int unmap_and_move(void);\nint rc;\n"));

        Assert.Equal((1, "0001-a.patch", "mm/migrate.c", 2, 1700), (c.PatchNumber, c.Patch, c.File, c.Hunk, c.Line));
        Assert.StartsWith("the base lacks migrate_pages_batch (", c.Reason, StringComparison.Ordinal);
        Assert.Equal(Failed.ExpectedLines, c.ExpectedLines);
        Assert.Equal(Failed.ActualLines, c.ActualLines);
        Assert.Equal(["conflict", "not-attempted"], MatrixConflicts.Verdicts(report));
    }

    [Fact]
    public void Without_missing_identifiers_the_reason_counts_differing_lines()
    {
        string reason = MatrixConflicts.Reason(Failed, "", "migrate_pages_batch unmap_and_move from mode page");

        Assert.Equal("the context differs (1 of 2 expected lines do not match at line 1700); the three-way merge left conflict markers", reason);
    }

    [Fact]
    public void A_missing_file_is_said_so()
    {
        Assert.StartsWith("the file does not exist in this base", MatrixConflicts.Reason(Failed, "", null), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_failed_without_hunks_is_reported_with_its_message()
    {
        var report = Report(new FileReport("drivers/x.c", null, FileChangeKind.Delete, FileOutcome.Failed, "drivers/x.c does not exist", []));

        MatrixConflict c = Assert.Single(MatrixConflicts.From(report, _ => null));

        Assert.Equal((0, "drivers/x.c does not exist"), (c.Hunk, c.Reason));
    }

    [Fact]
    public void Identifier_scan_ignores_keywords_short_names_and_comments()
    {
        IReadOnlyList<string> missing = IdentifierScan.Missing(
            ["static int foo(struct page *p)", " * migrate_pages_batch() does it", "\treturn nr_moved; /* folio_batch */"],
            "int x;");

        Assert.Equal(["nr_moved"], missing);
    }

    [Fact]
    public void The_summary_names_functions_of_hunk_headers_first()
    {
        MatrixConflict Conflict(int hunk, string section, params string[] missing) =>
            new(1, "0001-a.patch", "mm/migrate.c", hunk, hunk * 100, section, "why", [], [], missing);
        var row = new MatrixRow("debian:6.1", "d", "6.1.1", "c", ["conflict"],
            [Conflict(1, "", "folio_mc_copy"), Conflict(2, "static int migrate_pages_batch(struct list_head *from,", "migrate_pages_batch", "folio_mc_copy"), Conflict(3, "", "nr_pass")],
            MatrixStep.Pass("f"), MatrixStep.Skip("s"), MatrixStep.Skip("s"));

        Assert.Equal(
            ["patch 1 (0001-a.patch) does not apply: 3 hunk(s) fail (3 in mm/migrate.c); the base lacks migrate_pages_batch, folio_mc_copy, nr_pass"],
            MatrixConflicts.Summary(row));
    }
}
