using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;
using Mtcopy.Core.Matrix;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// Matrix's RunAsync over fake kernels (the manifest's debian:6.12 is the pipeline's fake tree): each base applied in
/// its own worktree and built, matrix.json written per row; the default base's row cannot boot its guest here, and that
/// fails the matrix rather than passing it; another base that conflicts is a result in its row.
/// </summary>
public sealed class MatrixStageTests : IDisposable
{
    private readonly StagePipeline pipeline = new();

    private readonly FakeKernelTree other = new();

    public void Dispose()
    {
        pipeline.Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task A_required_row_that_cannot_boot_fails_the_matrix_and_a_conflict_is_a_row()
    {
        other.WriteFile("linux/mm/note.txt", "a note upstream wrote\n");

        int exit = await pipeline.RunAsync(Stage(), $"--kernels=debian:6.12,{other.SourceDir}");

        Assert.Equal(CliApp.ExitUser, exit);
        (string status, string message) = pipeline.Recorded("matrix");
        Assert.Equal("FAIL", status);
        Assert.Contains("debian:6.12", message, StringComparison.Ordinal);
        MatrixReport report = MatrixJson.Parse(File.ReadAllText(Path.Combine(pipeline.OutDir, MatrixStage.JsonFileName)), "matrix.json");
        MatrixRow main = report.Rows.Single(r => r.Base == "debian:6.12");
        Assert.Equal(["clean"], main.Verdicts);
        Assert.Equal(MatrixStepStatus.Pass, main.Build.Status);
        Assert.Equal(MatrixStepStatus.Fail, main.Smoke.Status);
        Assert.Contains("bzImage ARCH=x86_64", File.ReadAllLines(Path.Combine(pipeline.OutDir, "matrix", "debian-6.12", "build-smoke", "make-calls")));
        MatrixRow conflicting = report.Rows.Single(r => r.Base == other.SourceDir);
        Assert.Equal([MatrixRow.Conflict], conflicting.Verdicts);
        Assert.Equal(MatrixStepStatus.Skip, conflicting.Build.Status);
    }

    private MatrixStage Stage() => new((context, kernel, cancellationToken) =>
        BaseFetch.FetchAsync(context, kernel == "debian:6.12" ? pipeline.Kernel.SourceDir : kernel, cancellationToken));
}
