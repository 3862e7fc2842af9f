using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Sources;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>The real thing: apt-get download of linux-source-6.12 and its import (about a minute, 4 GB of disk).</summary>
public sealed class DebianNetworkTests
{
    [NetworkFact]
    public async Task Debian_6_12_is_downloaded_imported_and_then_reused()
    {
        using var temp = new TempDirectory();
        var fetcher = new KernelFetcher(new SourceCache(temp.Combine("cache")), new ProcessRunner(), Console.WriteLine);
        var pin = new DebianPackagePin("linux-source-6.12", "6.12.117-1~deb12u1");

        FetchedBase first = await fetcher.FetchAsync(new DebianPackageSource("6.12"), pin);
        FetchedBase second = await fetcher.FetchAsync(new DebianPackageSource("6.12"), pin);

        Assert.StartsWith("6.12.", first.KernelVersion, StringComparison.Ordinal);
        Assert.Equal(".gitignore", Shell.Git(first.RepoPath, "ls-files", ".gitignore"));
        Assert.Equal("mm/migrate.c", Shell.Git(first.RepoPath, "ls-files", "mm/migrate.c"));
        Assert.True(second.FromCache);
        Assert.Equal(first.CommitId, second.CommitId);
    }
}
