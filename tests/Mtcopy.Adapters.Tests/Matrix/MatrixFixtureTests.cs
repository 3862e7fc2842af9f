using Mtcopy.Core.Matrix;

namespace Mtcopy.Adapters.Tests.Matrix;

/// <summary>
/// The matrix on a fake kernel with three bases: the verdicts, the conflict evidence, and the table,
/// JSON and Markdown compared with golden files (set MTCOPY_UPDATE_GOLDEN=1 to rewrite them, then review the diff).
/// </summary>
public sealed class MatrixFixtureTests : IDisposable
{
    private readonly MatrixFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task Verdicts_are_clean_offset_and_conflict_with_the_reason()
    {
        MatrixReport report = await ReportAsync();

        Assert.Equal(["clean", "clean", "clean"], report.Rows[0].Verdicts);
        Assert.Equal(["offset", "clean", "clean"], report.Rows[1].Verdicts);
        Assert.Equal(["conflict", "not-attempted", "not-attempted"], report.Rows[2].Verdicts);
        MatrixConflict conflict = Assert.Single(report.Rows[2].Conflicts);
        Assert.Equal((1, "mm/migrate.c", 1), (conflict.PatchNumber, conflict.File, conflict.Hunk));
        Assert.Contains("the base lacks migrate_pages_batch", conflict.Reason, StringComparison.Ordinal);
        Assert.Contains("\tfor (i = 0; i < nr; i++)", conflict.ExpectedLines);
        Assert.NotEmpty(conflict.ActualLines);
        Assert.Equal(["pass", "build-failed", "conflict"], report.Rows.Select(r => r.Overall));
        Assert.Equal(["migrate_pages_batch"], conflict.Missing);
        Assert.Equal("patch 1 (0001-mm/migrate: copy a batch in one call) does not apply: 1 hunk(s) fail (1 in mm/migrate.c); the base lacks migrate_pages_batch",
            Assert.Single(MatrixConflicts.Summary(report.Rows[2])));
        Assert.Empty(MatrixConflicts.Summary(report.Rows[0]));
    }

    [Fact]
    public async Task Table_json_and_markdown_match_the_golden_files()
    {
        MatrixReport report = await ReportAsync();

        Golden("matrix.txt", MatrixTextRenderer.Render(report));
        Golden("matrix.md", MatrixMarkdownRenderer.Render(report));
        string json = MatrixJson.Serialize(report);
        Golden("matrix.json", json);
        Assert.Equal(json, MatrixJson.Serialize(MatrixJson.Parse(json, "matrix.json")));
    }

    private async Task<MatrixReport> ReportAsync()
    {
        var rows = new List<MatrixRow>
        {
            await fixture.RowAsync("clean", MatrixStep.Pass("Linux 6.12.0-mtcopy (smoke) and 1 module(s) in 4m10s", "matrix/fixture-clean/logs/smoke/build.log"),
                MatrixStep.Pass("PASS: 98 tests", "matrix/fixture-clean/smoke/smoke/ktap.txt")),
            await fixture.RowAsync("offset", MatrixStep.Fail("build failed: mm/migrate.c:12:9: error: implicit declaration of function 'batch_copy'", "matrix/fixture-offset/logs/smoke/build.log"),
                MatrixStep.Skip("the build failed")),
            await fixture.RowAsync("old", MatrixStep.Skip("the series does not apply"), MatrixStep.Skip("the series does not apply")),
        };
        return new MatrixReport("mtcopy", "0.1.0", [.. fixture.Series.Select(s => s.Name)], rows);
    }

    private static void Golden(string name, string actual)
    {
        string path = Path.Combine(Root(), "tests", "Mtcopy.Adapters.Tests", "Matrix", "Golden", name);
        if (Environment.GetEnvironmentVariable("MTCOPY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tooling.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Tooling.sln above the test binaries.");
    }
}
