using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Tests.Sources;

public sealed class DirectoryFetchTests : IDisposable
{
    private readonly FetchTestContext context = new();

    public void Dispose() => context.Dispose();

    [Fact]
    public async Task Plain_directory_is_copied_and_imported_leaving_the_source_byte_identical()
    {
        string tree = FakeKernelTree.Write(context.Combine("user", "linux"));
        string before = TreeSnapshot.Take(context.Combine("user"));

        FetchedBase fetched = await context.Fetcher.FetchAsync(new LocalPathSource(tree));

        Assert.Equal(before, TreeSnapshot.Take(context.Combine("user")));
        Assert.False(Directory.Exists(Path.Combine(tree, ".git")));
        Assert.StartsWith(context.Cache.BasesDirectory + "/dir-linux-", fetched.RepoPath, StringComparison.Ordinal);
        Assert.Equal(FakeKernelTree.Files.Order(StringComparer.Ordinal), Shell.Git(fetched.RepoPath, "ls-files").Split('\n').Order(StringComparer.Ordinal));
        Assert.Equal("9.9.1", fetched.KernelVersion);
        Assert.False(fetched.FromCache);
    }

    [Fact]
    public async Task Directory_and_tarball_of_the_same_tree_give_the_same_tree_id()
    {
        string tree = FakeKernelTree.Write(context.Combine("user", "linux"));
        string tarball = context.Combine("linux.tar");
        Shell.Run(context.Combine("user"), "tar", "-cf", tarball, "linux");

        FetchedBase fromDirectory = await context.Fetcher.FetchAsync(new LocalPathSource(tree));
        FetchedBase fromTarball = await context.Fetcher.FetchAsync(new TarballSource(tarball));

        Assert.Equal(fromTarball.TreeId, fromDirectory.TreeId);
    }

    [Fact]
    public async Task Unchanged_directory_is_reused_and_a_changed_one_is_imported_again()
    {
        string tree = FakeKernelTree.Write(context.Combine("user", "linux"));
        FetchedBase first = await context.Fetcher.FetchAsync(new LocalPathSource(tree + "/"));

        FetchedBase again = await context.Fetcher.FetchAsync(new LocalPathSource(tree));
        File.AppendAllText(Path.Combine(tree, "mm", "migrate.c"), "/* more */\n");
        FetchedBase changed = await context.Fetcher.FetchAsync(new LocalPathSource(tree));

        Assert.True(again.FromCache);
        Assert.Equal(first.CommitId, again.CommitId);
        Assert.False(changed.FromCache);
        Assert.NotEqual(first.TreeId, changed.TreeId);
        Assert.Equal(2, context.BaseEntries().Length);
    }

    [Fact]
    public async Task Subdirectory_of_a_git_repository_is_a_plain_directory()
    {
        string repository = context.Combine("outer");
        Directory.CreateDirectory(repository);
        Shell.Run(null, "git", "init", "-q", repository);
        string tree = FakeKernelTree.Write(Path.Combine(repository, "linux"));
        string before = TreeSnapshot.Take(repository);

        FetchedBase fetched = await context.Fetcher.FetchAsync(new LocalPathSource(tree));

        Assert.NotEqual(tree, fetched.RepoPath);
        Assert.Equal(before, TreeSnapshot.Take(repository));
    }

    [Fact]
    public async Task Directory_without_kernel_makefile_is_a_user_error_before_copying()
    {
        string tree = context.Combine("empty");
        Directory.CreateDirectory(tree);

        var error = await Assert.ThrowsAsync<KernelFetchException>(() => context.Fetcher.FetchAsync(new LocalPathSource(tree)));

        Assert.Contains("no top-level Makefile", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(context.Runner.Commands, c => c.Program == "cp");
        Assert.Empty(context.BaseEntries());
    }

    [Fact]
    public async Task Missing_directory_is_a_user_error()
    {
        await Assert.ThrowsAsync<KernelFetchException>(() => context.Fetcher.FetchAsync(new LocalPathSource(context.Combine("nope"))));
    }
}
