using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>Apply's RunAsync: the series committed in our own worktree; a patch that does not apply fails with the report; --abort removes it all.</summary>
public sealed class ApplyStageTests : IDisposable
{
    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task The_series_is_committed_in_our_worktree_and_recorded()
    {
        await pipeline.RunOkAsync(new FetchStage());

        Assert.Equal("PASS", await pipeline.RunOkAsync(new ApplyStage()));

        var applied = StateFile.Read<AppliedSeries>(pipeline.StateDir, ApplyStage.StateName);
        Assert.Equal(Path.Combine(pipeline.OutDir, "work", "linux"), applied.Worktree);
        Assert.Equal("note v1\n", File.ReadAllText(Path.Combine(applied.Worktree, "mm", "note.txt")));
        Assert.Equal(StagePipeline.PatchDate.ToUnixTimeSeconds(), applied.SourceDateEpoch);
        Assert.Equal("clean", Assert.Single(applied.Patches!).Outcome);
        Assert.True(File.Exists(Path.Combine(pipeline.OutDir, "apply-report.txt")));
        Assert.StartsWith("1 patches (1 clean)", pipeline.Recorded("apply").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patch_that_does_not_apply_fails_with_its_report_and_abort_removes_everything()
    {
        await pipeline.RunOkAsync(new FetchStage());
        pipeline.WriteRepo("patches/" + StagePipeline.PatchName, StagePipeline.PatchText("note v1", StagePipeline.PatchDate)
            .Replace("new file mode 100644\n--- /dev/null", "--- a/mm/note.txt", StringComparison.Ordinal)
            .Replace("@@ -0,0 +1 @@", "@@ -1 +1 @@\n-an old note", StringComparison.Ordinal));

        int exit = await pipeline.RunAsync(new ApplyStage());

        Assert.Equal(CliApp.ExitUser, exit);
        (string status, string message) = pipeline.Recorded("apply");
        Assert.Equal("FAIL", status);
        Assert.Contains("the series does not apply onto", message, StringComparison.Ordinal);
        Assert.Contains("--abort", message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(pipeline.OutDir, "apply-report.txt")));
        Assert.False(File.Exists(Path.Combine(pipeline.StateDir, "apply.json")));

        Assert.Equal("PASS", await pipeline.RunOkAsync(new ApplyStage(), "--abort"));
        Assert.False(Directory.Exists(Path.Combine(pipeline.OutDir, "work", "linux")));
    }
}
