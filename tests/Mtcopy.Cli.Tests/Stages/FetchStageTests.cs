using System.Diagnostics;
using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;
using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>Fetch's RunAsync on a local kernel directory and a tarball: imported into the cache, state written, and a second run from the cache.</summary>
public sealed class FetchStageTests : IDisposable
{
    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task A_directory_is_imported_once_then_comes_from_the_cache()
    {
        Assert.Equal("PASS", await pipeline.RunOkAsync(new FetchStage()));
        var fetched = StateFile.Read<FetchedBase>(pipeline.StateDir, FetchStage.StateName);
        Assert.Equal("6.12.117", fetched.KernelVersion);
        Assert.StartsWith(pipeline.Harness.CacheDir, fetched.RepoPath, StringComparison.Ordinal);
        Assert.Contains($"Linux 6.12.117, commit {fetched.CommitId[..12]}", pipeline.Recorded("fetch").Message, StringComparison.Ordinal);

        Assert.Equal("SKIP", await pipeline.RunOkAsync(new FetchStage()));
        Assert.EndsWith("(already in the cache)", pipeline.Recorded("fetch").Message, StringComparison.Ordinal);
        Assert.Equal(fetched.CommitId, StateFile.Read<FetchedBase>(pipeline.StateDir, FetchStage.StateName).CommitId);
    }

    [Fact]
    public async Task A_tarball_is_imported_with_the_same_tree_as_the_directory()
    {
        await pipeline.RunOkAsync(new FetchStage());
        string directoryTree = StateFile.Read<FetchedBase>(pipeline.StateDir, FetchStage.StateName).TreeId;
        string tarball = Path.Combine(pipeline.Kernel.Root, "linux-6.12.117.tar.gz");
        using (var tar = Process.Start(new ProcessStartInfo("tar", ["-czf", tarball, "-C", pipeline.Kernel.Root, "linux"]))!)
        {
            await tar.WaitForExitAsync();
            Assert.Equal(0, tar.ExitCode);
        }

        Assert.Equal("PASS", await pipeline.RunOkAsync(new FetchStage(), "--kernel=" + tarball));

        var fetched = StateFile.Read<FetchedBase>(pipeline.StateDir, FetchStage.StateName);
        Assert.Equal("6.12.117", fetched.KernelVersion);
        Assert.Equal(directoryTree, fetched.TreeId);
    }

    [Fact]
    public async Task A_missing_directory_fails_and_says_which()
    {
        string missing = Path.Combine(pipeline.Kernel.Root, "no-such-tree");

        int exit = await pipeline.RunAsync(new FetchStage(), "--kernel=" + missing);

        Assert.Equal(CliApp.ExitUser, exit);
        (string status, string message) = pipeline.Recorded("fetch");
        Assert.Equal("FAIL", status);
        Assert.Contains(missing, message, StringComparison.Ordinal);
    }
}
