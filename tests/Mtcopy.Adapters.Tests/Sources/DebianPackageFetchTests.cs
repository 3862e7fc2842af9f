using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>The Debian path with a real, tiny .deb already in a cache; apt itself is never run here.</summary>
public sealed class DebianPackageFetchTests : IDisposable
{
    private const string Package = "linux-source-9.9";
    private const string Version = "9.9.1-1~test1";
    private readonly FetchTestContext context = new();
    private readonly DebianPackagePin pin = new(Package, Version);

    public void Dispose() => context.Dispose();

    private string SeedCache(string series = "9.9")
    {
        string deb = FakeDeb.Build(context.Root, Package, Version, series, "9.9.1");
        Directory.CreateDirectory(context.Cache.DebsDirectory);
        File.Copy(deb, Path.Combine(context.Cache.DebsDirectory, pin.CacheFileName(Version)));
        return deb;
    }

    [Fact]
    public async Task Cached_deb_is_unpacked_and_its_source_tarball_imported()
    {
        SeedCache();

        FetchedBase fetched = await context.Fetcher.FetchAsync(new DebianPackageSource("9.9"), pin);

        Assert.Equal("9.9.1", fetched.KernelVersion);
        Assert.StartsWith($"deb-{Package}-{Version}-", fetched.CacheKey, StringComparison.Ordinal);
        Assert.StartsWith($"Debian package {Package} {Version} (.deb sha256 ", fetched.Description, StringComparison.Ordinal);
        Assert.Equal(FakeKernelTree.Files.Order(StringComparer.Ordinal), Shell.Git(fetched.RepoPath, "ls-files").Split('\n').Order(StringComparer.Ordinal));
        Assert.StartsWith($"Import Debian package {Package} {Version}", Shell.Git(fetched.RepoPath, "log", "-1", "--format=%s"), StringComparison.Ordinal);
        Assert.Empty(fetched.Warnings);
        Assert.Equal([fetched.CacheKey], context.BaseEntries());
    }

    [Fact]
    public async Task Second_fetch_reuses_the_imported_base()
    {
        SeedCache();
        FetchedBase first = await context.Fetcher.FetchAsync(new DebianPackageSource("9.9"), pin);

        FetchedBase second = await context.Fetcher.FetchAsync(new DebianPackageSource("9.9"), pin);

        Assert.True(second.FromCache);
        Assert.Equal(first.CommitId, second.CommitId);
        Assert.Equal(1, context.Runner.Count("dpkg-deb", "-x"));
    }

    [Fact]
    public async Task Deb_in_the_apt_archive_directory_is_used_without_apt()
    {
        string archive = context.Combine("apt-archives");
        Directory.CreateDirectory(archive);
        string deb = FakeDeb.Build(context.Root, Package, Version, "9.9", "9.9.1");
        File.Move(deb, Path.Combine(archive, Path.GetFileName(deb)));
        context.ArchiveDirectories.Add(archive);

        FetchedBase fetched = await context.NewFetcher(context.Cache).FetchAsync(new DebianPackageSource("9.9"), pin);

        Assert.Equal("9.9.1", fetched.KernelVersion);
    }

    [Fact]
    public async Task Package_of_another_series_is_a_user_error_naming_its_contents()
    {
        SeedCache(series: "9.8");

        var error = await Assert.ThrowsAsync<KernelFetchException>(() => context.Fetcher.FetchAsync(new DebianPackageSource("9.9"), pin));

        Assert.Contains("usr/src/linux-source-9.9.tar.xz", error.Message, StringComparison.Ordinal);
        Assert.Contains("only usr/src/linux-source-9.8.tar.xz", error.Message, StringComparison.Ordinal);
        Assert.Empty(context.BaseEntries());
    }

    [Fact]
    public void Relative_files_of_an_unpacked_package_feed_the_tarball_finder()
    {
        string root = context.Combine("unpacked");
        Directory.CreateDirectory(Path.Combine(root, "usr", "src"));
        File.WriteAllText(Path.Combine(root, "usr", "src", "linux-source-6.12.tar.xz"), "");

        var files = Mtcopy.Adapters.Sources.DebianPackageFetcher.RelativeFiles(root).ToList();

        Assert.Equal(["usr/src/linux-source-6.12.tar.xz"], files);
        Assert.Equal("usr/src/linux-source-6.12.tar.xz", DebianSourceLayout.FindSourceTarball(files, "6.12", "pkg"));
    }
}
