using Mtcopy.Adapters.Sources;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Tests.Sources;

public sealed class SourceCacheTests : IDisposable
{
    private readonly FetchTestContext context = new();

    public void Dispose() => context.Dispose();

    [Fact]
    public async Task Temporaries_of_dead_processes_are_removed_and_live_ones_kept()
    {
        Directory.CreateDirectory(context.Cache.BasesDirectory);
        string dead = Path.Combine(context.Cache.BasesDirectory, "tarball-x-0123.tmp-2147483646-abc.import");
        string live = Path.Combine(context.Cache.BasesDirectory, $"tarball-x-0123.tmp-{Environment.ProcessId}-abc.import");
        Directory.CreateDirectory(dead);
        Directory.CreateDirectory(live);

        await context.Fetcher.FetchAsync(new TarballSource(FakeKernelTree.Tarball(context.Root)));

        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(live));
    }

    [Fact]
    public async Task Entry_without_marker_is_rebuilt()
    {
        string tarball = FakeKernelTree.Tarball(context.Root);
        FetchedBase first = await context.Fetcher.FetchAsync(new TarballSource(tarball));
        File.Delete(Path.Combine(first.RepoPath, ".git", "mtcopy-base.json"));

        FetchedBase second = await context.Fetcher.FetchAsync(new TarballSource(tarball));

        Assert.False(second.FromCache);
        Assert.Equal(first.CommitId, second.CommitId);
        Assert.True(File.Exists(Path.Combine(second.RepoPath, ".git", "mtcopy-base.json")));
        Assert.Equal([first.CacheKey], context.BaseEntries());
    }

    [Fact]
    public async Task Losing_a_race_keeps_the_winners_entry()
    {
        string tarball = FakeKernelTree.Tarball(context.Root);
        FetchedBase winner = await context.Fetcher.FetchAsync(new TarballSource(tarball));
        string staging = context.Combine("loser");
        Shell.Run(null, "git", "clone", "-q", winner.RepoPath, staging);

        FetchedBase result = context.Cache.Publish(staging, winner with { RepoPath = staging, Warnings = ["w"] });

        Assert.Equal(winner.RepoPath, result.RepoPath);
        Assert.True(result.FromCache);
        Assert.Equal(["w"], result.Warnings);
        Assert.False(Directory.Exists(staging));
    }

    [Fact]
    public void Default_root_follows_xdg_cache_home()
    {
        string root = SourceCache.DefaultRoot();
        Assert.EndsWith("/mtcopy", root, StringComparison.Ordinal);
    }
}
