using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Sources;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Tests.Sources;

public sealed class GitRemoteFetchTests : IDisposable
{
    private readonly FetchTestContext context = new();
    private readonly string remote;
    private readonly string firstCommit;
    private readonly string secondCommit;

    public GitRemoteFetchTests()
    {
        try
        {
            string work = FakeKernelTree.Write(context.Combine("work"), "9.9.0");
            Shell.Git(work, "init", "-q", "-b", "main");
            Shell.Git(work, "add", "-A", "-f");
            Shell.Git(work, "commit", "-q", "-m", "Linux 9.9");
            Shell.Git(work, "tag", "-a", "v9.9", "-m", "Linux 9.9");
            firstCommit = Shell.Git(work, "rev-parse", "HEAD");
            File.WriteAllText(Path.Combine(work, "Makefile"), "VERSION = 9\nPATCHLEVEL = 9\nSUBLEVEL = 1\nEXTRAVERSION =\n");
            Shell.Git(work, "commit", "-q", "-am", "Linux 9.9.1");
            secondCommit = Shell.Git(work, "rev-parse", "HEAD");
            remote = context.Combine("x.git");
            Shell.Run(null, "git", "clone", "-q", "--bare", work, remote);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    public void Dispose() => context.Dispose();

    [Fact]
    public async Task Branch_of_a_file_url_is_fetched_into_the_cache()
    {
        var source = (GitRemoteSource)KernelSourceSpec.Parse($"git:file://{remote}@main");

        FetchedBase fetched = await context.Fetcher.FetchAsync(source);

        Assert.Equal(secondCommit, fetched.CommitId);
        Assert.Equal("9.9.1", fetched.KernelVersion);
        Assert.Equal(context.Cache.EntryPath(SourceCacheKey.ForGitRemote($"file://{remote}", "main")), fetched.RepoPath);
        Assert.Equal(secondCommit, Shell.Git(fetched.RepoPath, "rev-parse", "HEAD"));
        Assert.Equal("", Shell.Git(fetched.RepoPath, "status", "--porcelain"));
        Assert.Equal("1", Shell.Git(fetched.RepoPath, "rev-list", "--count", "HEAD"));
        Assert.False(fetched.FromCache);
    }

    [Fact]
    public async Task Second_fetch_of_the_same_url_and_ref_reuses_the_cache()
    {
        var source = new GitRemoteSource($"file://{remote}", "main");
        FetchedBase first = await context.Fetcher.FetchAsync(source);
        int fetchesBefore = context.Runner.Count("git", "fetch");

        FetchedBase second = await context.Fetcher.FetchAsync(source);

        Assert.True(second.FromCache);
        Assert.Equal(first.CommitId, second.CommitId);
        Assert.Equal(first.RepoPath, second.RepoPath);
        Assert.Equal(fetchesBefore, context.Runner.Count("git", "fetch"));
    }

    [Fact]
    public async Task Annotated_tag_is_peeled_to_its_commit()
    {
        FetchedBase fetched = await context.Fetcher.FetchAsync(new GitRemoteSource(remote, "v9.9"));

        Assert.Equal(firstCommit, fetched.CommitId);
        Assert.Equal("9.9.0", fetched.KernelVersion);
    }

    [Fact]
    public async Task Commit_id_can_be_the_ref()
    {
        FetchedBase fetched = await context.Fetcher.FetchAsync(new GitRemoteSource($"file://{remote}", firstCommit));

        Assert.Equal(firstCommit, fetched.CommitId);
    }

    [Fact]
    public async Task Unknown_ref_is_a_user_error_and_leaves_no_entry()
    {
        var error = await Assert.ThrowsAsync<KernelFetchException>(() => context.Fetcher.FetchAsync(new GitRemoteSource($"file://{remote}", "nosuch")));

        Assert.Contains("nosuch", error.Message, StringComparison.Ordinal);
        Assert.IsType<ProcessFailedException>(error.InnerException);
        Assert.Empty(context.BaseEntries());
    }

    [Fact]
    public async Task Unknown_repository_is_a_user_error()
    {
        await Assert.ThrowsAsync<KernelFetchException>(() => context.Fetcher.FetchAsync(new GitRemoteSource(context.Combine("missing.git"), "main")));
    }
}
