using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;
using Mtcopy.Core.Bench;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// Bench's RunAsync on the fake pipeline: without the earlier stages it says which to run; the apply part measures our
/// applier against git am on the fake base (no timing is asserted) and writes bench.json and bench.md; the guest part
/// cannot start its guest here and fails, with the other parts still written.
/// </summary>
public sealed class BenchStageTests : IDisposable
{
    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task Without_the_pipeline_it_names_the_stages_to_run_first()
    {
        int exit = await pipeline.RunAsync(new BenchStage([BenchParts.Apply]));

        Assert.NotEqual(CliApp.ExitOk, exit);
        (string status, string message) = pipeline.Recorded("bench");
        Assert.Equal("FAIL", status);
        Assert.Contains("these stages have not: fetch, apply, configure, build", message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(pipeline.OutDir, BenchStage.JsonFileName)));
    }

    [Fact]
    public async Task The_apply_part_compares_our_applier_with_git_am_and_writes_the_report()
    {
        await pipeline.BuildAsync();

        Assert.Equal("PASS", await pipeline.RunOkAsync(new BenchStage([BenchParts.Apply])));

        Assert.Contains("same tree: yes", pipeline.Recorded("bench").Message, StringComparison.Ordinal);
        Assert.Contains("\"apply\"", File.ReadAllText(Path.Combine(pipeline.OutDir, BenchStage.JsonFileName)), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(pipeline.OutDir, BenchStage.MarkdownFileName)));
    }

    [Fact]
    public async Task A_guest_that_cannot_start_fails_the_bench_and_the_other_parts_are_kept()
    {
        await pipeline.BuildAsync();

        int exit = await pipeline.RunAsync(new BenchStage([BenchParts.Apply, BenchParts.Guest]));

        Assert.NotEqual(CliApp.ExitOk, exit);
        (string status, string message) = pipeline.Recorded("bench");
        Assert.Equal("FAIL", status);
        Assert.StartsWith("bench: guest failed", message, StringComparison.Ordinal);
        Assert.NotEmpty(pipeline.Runner.Refused);
        Assert.Contains("\"apply\"", File.ReadAllText(Path.Combine(pipeline.OutDir, BenchStage.JsonFileName)), StringComparison.Ordinal);
    }
}
