using Mtcopy.Adapters.Git;
using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;
using Mtcopy.Core.Matrix;
using Mtcopy.Core.Patching;
using Mtcopy.Core.Series;
using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// A matrix row's build stamp (tree, arch, starting config, fragments, source date, module sources), on the fake kernel:
/// nothing changed is "up to date" with no make call; a change to any one input configures and builds again. The
/// row's smoke step cannot start the guest here and says so as a failure, never as a pass.
/// </summary>
public sealed class MatrixBuildStampTests : IDisposable
{
    private const long Epoch = 1_756_728_000;

    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    private string Dir => Path.Combine(pipeline.OutDir, "matrix", "fake");

    [Fact]
    public async Task Nothing_changed_is_up_to_date_without_a_make_call()
    {
        (MatrixStep build, MatrixStep smoke) = await RunAsync(Epoch);
        Assert.Equal(MatrixStepStatus.Pass, build.Status);
        Assert.Equal(MatrixStepStatus.Fail, smoke.Status);
        Assert.StartsWith("cannot run the guest here", smoke.Detail, StringComparison.Ordinal);
        int calls = MakeCalls().Count;

        (build, _) = await RunAsync(Epoch);

        Assert.Equal(MatrixStepStatus.Pass, build.Status);
        Assert.Contains("up to date", build.Detail, StringComparison.Ordinal);
        Assert.Equal(calls, MakeCalls().Count);
    }

    [Theory]
    [InlineData("tree")]
    [InlineData("starting config")]
    [InlineData("fragment")]
    [InlineData("source date")]
    [InlineData("module source")]
    public async Task A_changed_input_builds_again(string input)
    {
        await RunAsync(Epoch);
        int bzImages = MakeCalls().Count(c => c.StartsWith("bzImage", StringComparison.Ordinal));
        long epoch = Epoch;
        switch (input)
        {
            case "tree":
                pipeline.WritePatch("note v2", StagePipeline.PatchDate);
                break;
            case "starting config":
                pipeline.WriteRepo("patches/manifest.yaml", StagePipeline.Manifest(configBase: "defconfig"));
                break;
            case "fragment":
                pipeline.WriteRepo("patches/config/smoke.config", "CONFIG_NUMA=y\nCONFIG_MIGRATION=y\n");
                break;
            case "source date":
                epoch++;
                break;
            default:
                pipeline.WriteRepo("kmod-src/mtcopy.c", "int mtcopy = 3;\n");
                break;
        }

        (MatrixStep build, _) = await RunAsync(epoch);

        Assert.Equal(MatrixStepStatus.Pass, build.Status);
        Assert.DoesNotContain("up to date", build.Detail, StringComparison.Ordinal);
        Assert.Equal(bzImages + 1, MakeCalls().Count(c => c.StartsWith("bzImage", StringComparison.Ordinal)));
    }

    /// <summary>Fetches the fake kernel, applies the series in the row's own worktree, then runs the row's build and smoke.</summary>
    private async Task<(MatrixStep Build, MatrixStep Smoke)> RunAsync(long epoch)
    {
        await pipeline.RunOkAsync(new FetchStage());
        StageContext context = pipeline.Context("matrix");
        var fetched = StateFile.Read<FetchedBase>(context.Layout.StateDir, FetchStage.StateName);
        var inputs = SeriesPatchLoader.Load(context.Series, new DiskSeriesDirectory(context.Layout.SeriesDir), DateTimeOffset.UnixEpoch)
            .Select(m => m.ToPatchInput()).ToList();
        var spec = new WorkspaceSpec(fetched.RepoPath, fetched.CommitId, "mtcopy-matrix/fake", Path.Combine(Dir, "linux"));
        var git = context.Git;
        if (Directory.Exists(spec.WorktreePath))
        {
            await new GitWorkspace(git).RemoveAsync(spec, CancellationToken.None);
        }

        SeriesResult applied = await new SeriesApplier(git).ApplyAsync(new ApplyRequest(spec, ApplyOptions.Default), inputs, CancellationToken.None);
        Assert.True(applied.Succeeded);
        return await new MatrixBuild(context, Dir, "fake", applied, epoch).RunAsync(CancellationToken.None);
    }

    private List<string> MakeCalls()
    {
        string path = Path.Combine(Dir, "build-smoke", "make-calls");
        return File.Exists(path) ? [.. File.ReadAllLines(path)] : [];
    }
}
