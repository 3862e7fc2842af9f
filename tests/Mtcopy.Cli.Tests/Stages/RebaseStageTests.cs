using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// Rebase's RunAsync with two fake kernels: the manifest's base (debian:6.12, here the pipeline's fake tree) and a
/// newer one given with --onto. A series that moves cleanly is built and exported for review; one that conflicts stops
/// with the conflict named, and --abort removes the rebase.
/// </summary>
public sealed class RebaseStageTests : IDisposable
{
    private readonly StagePipeline pipeline = new();

    private readonly FakeKernelTree next = new();

    public RebaseStageTests()
    {
        next.WriteFile("linux/mm/migrate.c", "int migrate;\nint migrate_next;\n");
        next.WriteFile("linux/README", "Fake Linux, the next release\n");
    }

    public void Dispose()
    {
        pipeline.Dispose();
        next.Dispose();
    }

    private string Work => Path.Combine(pipeline.OutDir, "rebase", "linux");

    [Fact]
    public async Task A_series_that_moves_cleanly_is_built_and_exported_for_review()
    {
        Assert.Equal("PASS", await pipeline.RunOkAsync(Stage(), "--onto=" + next.SourceDir));

        Assert.Contains("refreshed series for review in " + Path.Combine(Work, "patches"), pipeline.Recorded("rebase").Message, StringComparison.Ordinal);
        string exported = Path.Combine(Work, "patches");
        Assert.Contains("+note v1", File.ReadAllText(Path.Combine(exported, "0001-mm-add-a-note.patch")), StringComparison.Ordinal);
        Assert.Contains("0001-mm-add-a-note.patch", File.ReadAllText(Path.Combine(exported, "manifest.yaml")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(exported, "series")));
        Assert.True(File.Exists(Path.Combine(exported, "config", "smoke.config")));
        Assert.Contains("bzImage ARCH=x86_64", File.ReadAllLines(Path.Combine(Work, "build-smoke", "make-calls")));
        // The series directory itself is never written.
        Assert.Equal(StagePipeline.PatchText("note v1", StagePipeline.PatchDate), File.ReadAllText(Path.Combine(pipeline.SeriesDir, StagePipeline.PatchName)));
    }

    [Fact]
    public async Task A_conflict_stops_with_the_file_named_and_abort_removes_the_rebase()
    {
        next.WriteFile("linux/mm/note.txt", "a note upstream wrote\n");

        int exit = await pipeline.RunAsync(Stage(), "--onto=" + next.SourceDir);

        Assert.Equal(CliApp.ExitUser, exit);
        (string status, string message) = pipeline.Recorded("rebase");
        Assert.Equal("FAIL", status);
        Assert.Contains($"patch 1 ({StagePipeline.PatchName}) conflicts with {next.SourceDir} in mm/note.txt", message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Work, "rebase-report.txt")));
        Assert.False(Directory.Exists(Path.Combine(Work, "patches")));

        Assert.Equal("PASS", await pipeline.RunOkAsync(Stage(), "--onto=" + next.SourceDir, "--abort"));
        Assert.False(Directory.Exists(Work));
    }

    [Fact]
    public async Task Without_onto_it_says_how_to_name_the_new_base()
    {
        int exit = await pipeline.RunAsync(Stage());

        Assert.Equal(CliApp.ExitUser, exit);
        Assert.StartsWith("Name the new base: --onto=", pipeline.Recorded("rebase").Message, StringComparison.Ordinal);
    }

    // The manifest's base id (debian:6.12) is the pipeline's fake tree here; any other base is fetched as given.
    private RebaseStage Stage() => new((context, kernel, cancellationToken) =>
        BaseFetch.FetchAsync(context, kernel == "debian:6.12" ? pipeline.Kernel.SourceDir : kernel, cancellationToken));
}
