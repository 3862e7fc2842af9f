using Mtcopy.Adapters.Sources;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>A package only another suite has (linux-source-7.2 in sid): mtcopy's own apt state, never /etc/apt.</summary>
public sealed class IsolatedAptTests : IDisposable
{
    private const string Unknown = "N: Unable to locate package linux-source-7.2\n";

    private readonly TempDirectory temp = new();
    private readonly SourceCache cache;
    private readonly DebianPackagePin pin = new("linux-source-7.2", "7.2.13-1");

    public IsolatedAptTests() => cache = new SourceCache(temp.Combine("cache"));

    public void Dispose() => temp.Dispose();

    private string Apt => Path.Combine(cache.Root, "apt-sid");

    private string IsolatedOptions =>
        $"-o Dir::Etc::SourceList={Apt}/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::Etc::Preferences=/dev/null " +
        $"-o Dir::Etc::PreferencesParts=/dev/null -o Dir::State::Lists={Apt}/lists -o Dir::Cache={Apt}/cache " +
        $"-o Dir::Cache::Archives={Apt}/cache/archives -o Acquire::Languages=none " +
        "-o Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false -o Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled=false";

    [Fact]
    public void Options_point_apt_at_its_own_sources_lists_and_caches_only()
    {
        var suite = new IsolatedAptSuite(cache.Root, "sid", privileged: true);

        Assert.Equal(IsolatedOptions + " -o APT::Sandbox::User=root", string.Join(' ', suite.Options));
        Assert.Equal("deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main", suite.SourcesLine);
        Assert.Equal("deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security bookworm-security main",
            new IsolatedAptSuite(cache.Root, "bookworm-security", privileged: false).SourcesLine);
        Assert.DoesNotContain("Sandbox", string.Join(' ', new IsolatedAptSuite(cache.Root, "sid", privileged: false).Options), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new IsolatedAptSuite(cache.Root, "sid main", privileged: false));
    }

    [Fact]
    public void Prepare_writes_only_under_the_cache()
    {
        var suite = new IsolatedAptSuite(cache.Root, "sid", privileged: false);

        suite.Prepare();

        Assert.EndsWith(suite.SourcesLine + "\n", File.ReadAllText(Path.Combine(Apt, "sources.list")), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(Apt, "lists", "partial")));
        Assert.True(Directory.Exists(Path.Combine(Apt, "cache", "archives", "partial")));
    }

    [Fact]
    public async Task A_package_the_system_lists_lack_comes_from_the_named_suite()
    {
        var runner = new ScriptedRunner(command => command.Program switch
        {
            "apt-cache" when !command.Arguments.Contains("-o") => ScriptedRunner.Fail(0, Unknown) with { ExitCode = 0 },
            "apt-get" when command.Arguments.Contains("download") => ScriptedRunner.Download(command),
            _ => ScriptedRunner.Ok(),
        });

        DebFile deb = await new DebAcquirer(cache, runner, () => false, [], _ => { }).AcquireAsync(pin, "sid", [], CancellationToken.None);

        Assert.Equal(Path.Combine(cache.DebsDirectory, "linux-source-7.2_7.2.13-1.deb"), deb.Path);
        Assert.Equal(
            [
                "apt-cache policy linux-source-7.2",
                $"apt-get {IsolatedOptions} update -q",
                $"apt-get {IsolatedOptions} download -q linux-source-7.2=7.2.13-1",
            ],
            runner.Commands);
    }

    [Fact]
    public async Task A_package_the_system_offers_is_downloaded_as_before()
    {
        var runner = new ScriptedRunner(command => command.Program == "apt-cache"
            ? ScriptedRunner.Ok("linux-source-7.2:\n  Installed: (none)\n  Candidate: 7.2.13-1\n  Version table:\n     7.2.13-1 500\n")
            : ScriptedRunner.Download(command));

        await new DebAcquirer(cache, runner, () => false, [], _ => { }).AcquireAsync(pin, "sid", [], CancellationToken.None);

        Assert.Equal(["apt-cache policy linux-source-7.2", "apt-get download -q linux-source-7.2=7.2.13-1"], runner.Commands);
        Assert.False(Directory.Exists(Apt));
    }

    [Fact]
    public async Task A_suite_without_the_package_says_to_fix_the_manifest()
    {
        var runner = new ScriptedRunner(command => command.Arguments.Contains("download")
            ? ScriptedRunner.Fail(100, "E: Unable to locate package linux-source-7.2\n")
            : command.Program == "apt-cache" ? ScriptedRunner.Ok("") : ScriptedRunner.Ok());

        var error = await Assert.ThrowsAsync<KernelFetchException>(() =>
            new DebAcquirer(cache, runner, () => false, [], _ => { }).AcquireAsync(pin, "sid", [], CancellationToken.None));

        Assert.Contains("The Debian suite 'sid' has no version of linux-source-7.2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(runner.Commands, c => c == "apt-get update -q");
    }
}
