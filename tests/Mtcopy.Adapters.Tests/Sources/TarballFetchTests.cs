using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Sources;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Tests.Sources;

public sealed class TarballFetchTests : IDisposable
{
    private readonly FetchTestContext context = new();

    public void Dispose() => context.Dispose();

    [Fact]
    public async Task Imports_every_file_even_ignored_ones_with_modes_and_links()
    {
        string tarball = FakeKernelTree.Tarball(context.Root);

        FetchedBase fetched = await context.Fetcher.FetchAsync(new TarballSource(tarball));

        Assert.False(fetched.FromCache);
        Assert.Equal(context.Cache.EntryPath(SourceCacheKey.ForTarball("linux-9.9.1.tar.gz", Sha(tarball))), fetched.RepoPath);
        Assert.Equal("9.9.1", fetched.KernelVersion);
        Assert.Empty(fetched.Warnings);
        string[] committed = Shell.Git(fetched.RepoPath, "ls-files").Split('\n');
        Assert.Equal(FakeKernelTree.Files.Order(StringComparer.Ordinal), committed.Order(StringComparer.Ordinal));
        Assert.StartsWith("100755 ", Shell.Git(fetched.RepoPath, "ls-files", "-s", "scripts/setlocalversion"), StringComparison.Ordinal);
        Assert.StartsWith("120000 ", Shell.Git(fetched.RepoPath, "ls-files", "-s", "docs-link"), StringComparison.Ordinal);
        Assert.Equal(fetched.CommitId, Shell.Git(fetched.RepoPath, "rev-parse", "HEAD"));
        Assert.Equal(fetched.TreeId, Shell.Git(fetched.RepoPath, "rev-parse", "HEAD^{tree}"));
        Assert.Equal("", Shell.Git(fetched.RepoPath, "status", "--porcelain", "--ignored"));
    }

    [Fact]
    public async Task Stores_bytes_verbatim_and_names_the_source_with_a_fixed_identity()
    {
        string tarball = FakeKernelTree.Tarball(context.Root);

        FetchedBase fetched = await context.Fetcher.FetchAsync(new TarballSource(tarball));

        Assert.EndsWith("return 0; }\r\n", Shell.Run(null, "git", "-C", fetched.RepoPath, "cat-file", "blob", "HEAD:mm/migrate.c"), StringComparison.Ordinal);
        string log = Shell.Git(fetched.RepoPath, "log", "-1", "--format=%an <%ae> %aI|%cn <%ce> %cI|%s");
        Assert.Equal(
            $"mtcopy-import <import@mtcopy.invalid> 1970-01-01T00:00:00Z|mtcopy-import <import@mtcopy.invalid> 1970-01-01T00:00:00Z|Import Tarball linux-9.9.1.tar.gz (sha256 {Sha(tarball)})",
            log.Replace("+00:00", "Z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Same_tarball_gives_the_same_commit_in_two_caches()
    {
        string tarball = FakeKernelTree.Tarball(context.Root);

        FetchedBase first = await context.Fetcher.FetchAsync(new TarballSource(tarball));
        FetchedBase second = await context.NewFetcher(new SourceCache(context.Combine("other-cache"))).FetchAsync(new TarballSource(tarball));

        Assert.NotEqual(first.RepoPath, second.RepoPath);
        Assert.False(second.FromCache);
        Assert.Equal(first.CommitId, second.CommitId);
        Assert.Equal(first.TreeId, second.TreeId);
        Assert.Equal(first.CacheKey, second.CacheKey);
    }

    [Fact]
    public async Task Second_fetch_reuses_the_cache_without_extracting_or_importing()
    {
        string tarball = FakeKernelTree.Tarball(context.Root, suffix: ".tar.xz");
        FetchedBase first = await context.Fetcher.FetchAsync(new TarballSource(tarball));
        int commandsAfterFirst = context.Runner.Commands.Count;

        FetchedBase second = await context.Fetcher.FetchAsync(new TarballSource(tarball));

        Assert.True(second.FromCache);
        Assert.Equal(first with { FromCache = true, Warnings = second.Warnings }, second);
        Assert.Equal(commandsAfterFirst, context.Runner.Commands.Count);
        Assert.Equal([first.CacheKey], context.BaseEntries());
    }

    [Theory]
    [InlineData(".tgz")]
    [InlineData(".tar")]
    public async Task Other_tarball_kinds(string suffix)
    {
        string tarball = FakeKernelTree.Tarball(context.Root, suffix: suffix);

        FetchedBase fetched = await context.Fetcher.FetchAsync(new TarballSource(tarball));

        Assert.Equal(FakeKernelTree.Files.Length, Shell.Git(fetched.RepoPath, "ls-files").Split('\n').Length);
    }

    [Fact]
    public async Task Tarball_without_a_single_top_directory_imports_its_root()
    {
        string tree = FakeKernelTree.Write(context.Combine("flat"));
        string tarball = context.Combine("flat.tar.gz");
        Shell.Run(tree, "tar", "-czf", tarball, ".");

        FetchedBase fetched = await context.Fetcher.FetchAsync(new TarballSource(tarball));

        Assert.Contains("Makefile", Shell.Git(fetched.RepoPath, "ls-files").Split('\n'));
        Assert.Equal("9.9.1", fetched.KernelVersion);
    }

    [Fact]
    public async Task Same_tree_in_another_layout_gives_the_same_tree_id()
    {
        string nested = FakeKernelTree.Tarball(context.Root);
        string tree = FakeKernelTree.Write(context.Combine("flat"));
        string flat = context.Combine("flat.tar");
        Shell.Run(tree, "tar", "-cf", flat, ".");

        FetchedBase a = await context.Fetcher.FetchAsync(new TarballSource(nested));
        FetchedBase b = await context.Fetcher.FetchAsync(new TarballSource(flat));

        Assert.Equal(a.TreeId, b.TreeId);
        Assert.NotEqual(a.CommitId, b.CommitId);
    }

    [Fact]
    public async Task Not_a_kernel_tree_is_a_user_error_and_leaves_no_entry()
    {
        string tree = context.Combine("notkernel", "proj");
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, "README"), "hello\n");
        string tarball = context.Combine("proj.tar.gz");
        Shell.Run(context.Combine("notkernel"), "tar", "-czf", tarball, "proj");

        var error = await Assert.ThrowsAsync<KernelFetchException>(() => context.Fetcher.FetchAsync(new TarballSource(tarball)));

        Assert.Contains("not a Linux kernel source tree", error.Message, StringComparison.Ordinal);
        Assert.Empty(context.BaseEntries());
    }

    [Fact]
    public async Task Corrupt_tarball_is_a_user_error_and_leaves_no_entry()
    {
        string tarball = context.Combine("broken.tar.xz");
        File.WriteAllText(tarball, "this is not xz");

        var error = await Assert.ThrowsAsync<KernelFetchException>(() => context.Fetcher.FetchAsync(new TarballSource(tarball)));

        Assert.Contains("Could not extract", error.Message, StringComparison.Ordinal);
        Assert.IsType<ProcessFailedException>(error.InnerException);
        Assert.Empty(context.BaseEntries());
    }

    [Fact]
    public async Task Top_level_git_directory_inside_a_tarball_is_left_out_with_a_warning()
    {
        string tree = FakeKernelTree.Write(context.Combine("withgit", "linux"));
        Shell.Run(null, "git", "init", "-q", tree);
        string tarball = context.Combine("withgit.tar.gz");
        Shell.Run(context.Combine("withgit"), "tar", "-czf", tarball, "linux");

        FetchedBase fetched = await context.Fetcher.FetchAsync(new TarballSource(tarball));

        Assert.Contains(fetched.Warnings, w => w.Contains(".git", StringComparison.Ordinal));
        Assert.Equal("", Shell.Git(fetched.RepoPath, "log", "--skip=1", "--oneline"));
        Assert.Equal(FakeKernelTree.Files.Length, Shell.Git(fetched.RepoPath, "ls-files").Split('\n').Length);
    }

    private static string Sha(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
