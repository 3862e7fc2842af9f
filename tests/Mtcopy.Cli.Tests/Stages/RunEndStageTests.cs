using System.Text.Json;
using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;
using Mtcopy.Core.Matrix;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// The RunAsync of the stages that close or join runs, on the fake pipeline: Summary (metadata closed, the run's
/// verdict), Clean (our worktree and the output directory gone, the cache kept), MatrixJoin (the jobs' rows joined;
/// a required row missing fails), and the stages with nothing to do for a series without a module.
/// </summary>
public sealed class RunEndStageTests : IDisposable
{
    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task Summary_closes_the_run_and_passes_when_no_stage_failed()
    {
        await pipeline.BuildAsync();

        int exit = await pipeline.RunAsync(new SummaryStage());

        Assert.Equal(CliApp.ExitOk, exit);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(pipeline.OutDir, "metadata.json")));
        Assert.Equal(JsonValueKind.String, doc.RootElement.GetProperty("finished_utc").ValueKind);
        Assert.Equal(["fetch", "apply", "configure", "build"], doc.RootElement.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Contains("4 stages", pipeline.Harness.ConsoleText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_fails_the_run_when_a_stage_failed()
    {
        await pipeline.RunOkAsync(new FetchStage());
        Assert.NotEqual(CliApp.ExitOk, await pipeline.RunAsync(new BuildStage()));

        int exit = await pipeline.RunAsync(new SummaryStage());

        Assert.Equal(CliApp.ExitUser, exit);
        Assert.Contains("the run failed", pipeline.Harness.ConsoleText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_removes_our_worktree_and_the_output_directory_and_keeps_the_cache()
    {
        await pipeline.BuildAsync();
        var fetched = StateFile.Read<Mtcopy.Core.Sources.FetchedBase>(pipeline.StateDir, FetchStage.StateName);
        string worktree = Path.Combine(pipeline.OutDir, "work", "linux");
        Assert.Contains(worktree, await GitAsync(fetched.RepoPath, "worktree", "list"), StringComparison.Ordinal);

        Assert.Equal(CliApp.ExitOk, await pipeline.RunAsync(new CleanStage()));

        Assert.False(Directory.Exists(pipeline.OutDir));
        Assert.True(Directory.Exists(fetched.RepoPath));
        Assert.DoesNotContain(worktree, await GitAsync(fetched.RepoPath, "worktree", "list"), StringComparison.Ordinal);
        Assert.DoesNotContain("mtcopy/", await GitAsync(fetched.RepoPath, "branch", "--list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatrixJoin_joins_the_jobs_rows_and_passes_with_the_default_base()
    {
        string a = WriteMatrix("job-a", Row("debian:6.12", MatrixStep.Pass("booted")));
        string b = WriteMatrix("job-b", Row("debian:6.1", MatrixStep.Fail("conflict")));

        Assert.Equal("PASS", await pipeline.RunOkAsync(new MatrixJoinStage(), $"--matrix-results={a},{b}"));

        MatrixReport joined = MatrixJson.Parse(File.ReadAllText(Path.Combine(pipeline.OutDir, MatrixStage.JsonFileName)), "joined");
        Assert.Equal(["debian:6.12", "debian:6.1"], joined.Rows.Select(r => r.Base).Order(StringComparer.Ordinal).Reverse());
        Assert.True(File.Exists(Path.Combine(pipeline.OutDir, MatrixStage.MarkdownFileName)));
    }

    [Fact]
    public async Task MatrixJoin_fails_when_the_default_base_row_is_missing()
    {
        string b = WriteMatrix("job-b", Row("debian:6.1", MatrixStep.Pass("booted")));

        int exit = await pipeline.RunAsync(new MatrixJoinStage(), "--matrix-results=" + b);

        Assert.Equal(CliApp.ExitUser, exit);
        (string status, string message) = pipeline.Recorded("matrix-join");
        Assert.Equal("FAIL", status);
        Assert.Contains("debian:6.12", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smoke_and_Package_skip_a_series_without_a_module_and_say_why()
    {
        pipeline.WriteRepo("patches/manifest.yaml", StagePipeline.Manifest()[..StagePipeline.Manifest().IndexOf("modules:", StringComparison.Ordinal)]);
        await pipeline.BuildAsync();

        Assert.Equal("SKIP", await pipeline.RunOkAsync(new SmokeStage()));
        Assert.StartsWith("the series has no manifest with a module", pipeline.Recorded("smoke").Message, StringComparison.Ordinal);
        Assert.Equal("SKIP", await pipeline.RunOkAsync(new PackageStage()));
        Assert.StartsWith("the series has no manifest with a module and a 'packages' section", pipeline.Recorded("package").Message, StringComparison.Ordinal);
        Assert.Empty(pipeline.Runner.Refused);
    }

    private static MatrixRow Row(string kernel, MatrixStep smoke) =>
        new(kernel, kernel, "6.12.117", new string('a', 40), ["clean"], [], MatrixStep.Pass("fetched"), MatrixStep.Pass("built"), smoke);

    private string WriteMatrix(string job, MatrixRow row)
    {
        string dir = Path.Combine(pipeline.Harness.Root, "downloads", job);
        MatrixStage.Write(dir, new MatrixReport("mtcopy", "0.1.0", [StagePipeline.PatchName], [row]));
        return Path.Combine(dir, MatrixStage.JsonFileName);
    }

    private static async Task<string> GitAsync(string repo, params string[] args)
    {
        using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["-C", repo, .. args]) { RedirectStandardOutput = true })!;
        string output = await git.StandardOutput.ReadToEndAsync();
        await git.WaitForExitAsync();
        return output;
    }
}
