using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Sources;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>apt-get download, the fallback to apt's candidate and the one-time apt-get update, with scripted apt.</summary>
public sealed class DebAcquirerTests : IDisposable
{
    private const string Pinned = "6.12.117-1~deb12u1";
    private const string Newer = "6.12.118-1~deb12u1";
    private const string NotFound = "E: Version '6.12.117-1~deb12u1' for 'linux-source-6.12' was not found\n";
    private const string Unknown = "E: Unable to locate package linux-source-6.12\n";

    private readonly TempDirectory temp = new();
    private readonly SourceCache cache;
    private readonly DebianPackagePin pin = new("linux-source-6.12", Pinned);

    public DebAcquirerTests() => cache = new SourceCache(temp.Combine("cache"));

    public void Dispose() => temp.Dispose();

    private DebAcquirer Acquirer(ScriptedRunner runner, bool privileged = false) => new(cache, runner, () => privileged, [], _ => { });

    [Fact]
    public async Task Pinned_version_is_downloaded_into_the_cache()
    {
        var runner = new ScriptedRunner(ScriptedRunner.Download);
        var warnings = new List<string>();

        DebFile deb = await Acquirer(runner).AcquireAsync(pin, warnings, CancellationToken.None);

        Assert.Equal(Path.Combine(cache.DebsDirectory, "linux-source-6.12_6.12.117-1~deb12u1.deb"), deb.Path);
        Assert.Equal(Pinned, deb.Version);
        Assert.Equal("deb " + Pinned, File.ReadAllText(deb.Path));
        Assert.Equal(["apt-get download -q linux-source-6.12=6.12.117-1~deb12u1"], runner.Commands);
        Assert.Empty(warnings);
        Assert.Equal([deb.Path], Directory.GetFileSystemEntries(cache.DebsDirectory));
    }

    [Fact]
    public async Task Pinned_version_already_cached_runs_nothing()
    {
        Directory.CreateDirectory(cache.DebsDirectory);
        File.WriteAllText(Path.Combine(cache.DebsDirectory, pin.CacheFileName(Pinned)), "cached");
        var runner = new ScriptedRunner(c => throw new InvalidOperationException(c.CommandLine));

        DebFile deb = await Acquirer(runner).AcquireAsync(pin, [], CancellationToken.None);

        Assert.Equal("cached", File.ReadAllText(deb.Path));
        Assert.Empty(runner.Commands);
    }

    [Fact]
    public async Task Version_no_longer_served_falls_back_to_the_candidate_with_a_warning()
    {
        var runner = new ScriptedRunner(c => c switch
        {
            { Program: "apt-get" } when c.Arguments[^1].EndsWith(Pinned, StringComparison.Ordinal) => ScriptedRunner.Fail(100, NotFound),
            { Program: "apt-get" } => ScriptedRunner.Download(c),
            { Program: "apt-cache" } => ScriptedRunner.Ok(ScriptedRunner.Policy(Newer)),
            _ => throw new InvalidOperationException(c.CommandLine),
        });
        var warnings = new List<string>();

        DebFile deb = await Acquirer(runner).AcquireAsync(pin, warnings, CancellationToken.None);

        Assert.Equal(Newer, deb.Version);
        Assert.EndsWith("linux-source-6.12_6.12.118-1~deb12u1.deb", deb.Path, StringComparison.Ordinal);
        Assert.Equal(
            [
                "apt-get download -q linux-source-6.12=6.12.117-1~deb12u1",
                "apt-cache policy linux-source-6.12",
                "apt-get download -q linux-source-6.12=6.12.118-1~deb12u1",
            ],
            runner.Commands);
        string warning = Assert.Single(warnings);
        Assert.Contains(Pinned, warning, StringComparison.Ordinal);
        Assert.Contains(Newer, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpinned_package_uses_the_candidate()
    {
        var runner = new ScriptedRunner(c => c.Program == "apt-cache" ? ScriptedRunner.Ok(ScriptedRunner.Policy(Newer)) : ScriptedRunner.Download(c));
        var warnings = new List<string>();

        DebFile deb = await Acquirer(runner).AcquireAsync(DebianPackagePin.DefaultFor("6.12"), warnings, CancellationToken.None);

        Assert.Equal(Newer, deb.Version);
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task Unknown_package_as_root_updates_the_lists_once_and_retries()
    {
        bool listsUpdated = false;
        var runner = new ScriptedRunner(c =>
        {
            switch (c.Arguments[0])
            {
                case "update":
                    listsUpdated = true;
                    return ScriptedRunner.Ok();
                case "download":
                    return listsUpdated ? ScriptedRunner.Download(c) : ScriptedRunner.Fail(100, Unknown);
                default:
                    throw new InvalidOperationException(c.CommandLine);
            }
        });

        DebFile deb = await Acquirer(runner, privileged: true).AcquireAsync(pin, [], CancellationToken.None);

        Assert.Equal(Pinned, deb.Version);
        Assert.Equal(
            [
                "apt-get download -q linux-source-6.12=6.12.117-1~deb12u1",
                "apt-get update -q",
                "apt-get download -q linux-source-6.12=6.12.117-1~deb12u1",
            ],
            runner.Commands);
    }

    [Fact]
    public async Task Unknown_package_without_root_tells_the_user_what_to_run()
    {
        var runner = new ScriptedRunner(_ => ScriptedRunner.Fail(100, Unknown));

        var error = await Assert.ThrowsAsync<KernelFetchException>(() => Acquirer(runner, privileged: false).AcquireAsync(pin, [], CancellationToken.None));

        Assert.Contains("sudo apt-get update", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("apt-get update -q", runner.Commands);
    }

    [Fact]
    public async Task Unknown_package_even_after_update_is_a_user_error()
    {
        var runner = new ScriptedRunner(c => c.Arguments[0] == "update" ? ScriptedRunner.Ok() : ScriptedRunner.Fail(100, Unknown));

        var error = await Assert.ThrowsAsync<KernelFetchException>(() => Acquirer(runner, privileged: true).AcquireAsync(pin, [], CancellationToken.None));

        Assert.Contains("even after apt-get update", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, runner.Commands.Count(c => c == "apt-get update -q"));
    }

    [Fact]
    public async Task Network_failure_is_an_infrastructure_error_and_leaves_no_download_directory()
    {
        var runner = new ScriptedRunner(_ => ScriptedRunner.Fail(100, "E: Failed to fetch http://security.debian.org/x.deb  Temporary failure resolving\n"));

        var error = await Assert.ThrowsAsync<ProcessFailedException>(() => Acquirer(runner).AcquireAsync(pin, [], CancellationToken.None));

        Assert.Equal(100, error.ExitCode);
        Assert.Contains("Failed to fetch", error.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(cache.DebsDirectory));
    }
}
