using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Tests.Sources;

public sealed class LocalGitFetchTests : IDisposable
{
    private readonly FetchTestContext context = new();

    public void Dispose() => context.Dispose();

    private string CommittedRepository()
    {
        string repository = FakeKernelTree.Write(context.Combine("linux"));
        Shell.Git(repository, "init", "-q", "-b", "master");
        Shell.Git(repository, "add", "-A", "-f");
        Shell.Git(repository, "commit", "-q", "-m", "Linux 9.9.1");
        return repository;
    }

    [Fact]
    public async Task Git_repository_is_used_as_is_at_its_head_and_left_unchanged()
    {
        string repository = CommittedRepository();
        string before = TreeSnapshot.Take(repository);

        FetchedBase fetched = await context.Fetcher.FetchAsync(new LocalPathSource(repository));

        Assert.Equal(before, TreeSnapshot.Take(repository));
        Assert.Equal(repository, fetched.RepoPath);
        Assert.Equal(Shell.Git(repository, "rev-parse", "HEAD"), fetched.CommitId);
        Assert.Equal(Shell.Git(repository, "rev-parse", "HEAD^{tree}"), fetched.TreeId);
        Assert.Equal("commit-" + fetched.CommitId, fetched.CacheKey);
        Assert.Equal("9.9.1", fetched.KernelVersion);
        Assert.Empty(fetched.Warnings);
        Assert.Empty(context.BaseEntries());
    }

    [Fact]
    public async Task Uncommitted_changes_are_warned_about_and_the_committed_version_is_used()
    {
        string repository = CommittedRepository();
        File.WriteAllText(Path.Combine(repository, "Makefile"), "VERSION = 1\nPATCHLEVEL = 0\n");
        string before = TreeSnapshot.Take(repository);

        FetchedBase fetched = await context.Fetcher.FetchAsync(new LocalPathSource(repository));

        Assert.Equal(before, TreeSnapshot.Take(repository));
        Assert.Equal("9.9.1", fetched.KernelVersion);
        string warning = Assert.Single(fetched.Warnings);
        Assert.Contains("uncommitted changes in 1 tracked file", warning, StringComparison.Ordinal);
        Assert.Contains(fetched.CommitId, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bare_repository_is_used_as_is()
    {
        string repository = CommittedRepository();
        string bare = context.Combine("linux.git");
        Shell.Run(null, "git", "clone", "-q", "--bare", repository, bare);

        FetchedBase fetched = await context.Fetcher.FetchAsync(new LocalPathSource(bare));

        Assert.Equal(bare, fetched.RepoPath);
        Assert.Equal(Shell.Git(repository, "rev-parse", "HEAD"), fetched.CommitId);
    }

    [Fact]
    public async Task Repository_without_commits_is_a_user_error()
    {
        string repository = context.Combine("fresh");
        Directory.CreateDirectory(repository);
        Shell.Git(repository, "init", "-q");

        var error = await Assert.ThrowsAsync<KernelFetchException>(() => context.Fetcher.FetchAsync(new LocalPathSource(repository)));
        Assert.Contains("no commit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repository_whose_head_is_not_a_kernel_is_a_user_error()
    {
        string repository = context.Combine("other");
        Directory.CreateDirectory(repository);
        File.WriteAllText(Path.Combine(repository, "README"), "x\n");
        Shell.Git(repository, "init", "-q");
        Shell.Git(repository, "add", "-A", "-f");
        Shell.Git(repository, "commit", "-q", "-m", "x");

        var error = await Assert.ThrowsAsync<KernelFetchException>(() => context.Fetcher.FetchAsync(new LocalPathSource(repository)));
        Assert.Contains("not a Linux kernel source tree", error.Message, StringComparison.Ordinal);
    }
}
