using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Tests.Fixtures;

namespace Mtcopy.Adapters.Tests.Packaging;

public sealed class UnpatchedKernelPreparerTests : IAsyncLifetime, IDisposable
{
    private static readonly Dictionary<string, string> Identity = new(StringComparer.Ordinal)
    {
        ["GIT_AUTHOR_NAME"] = "Test", ["GIT_AUTHOR_EMAIL"] = "test@example.org", ["GIT_AUTHOR_DATE"] = "2025-01-01T00:00:00Z",
        ["GIT_COMMITTER_NAME"] = "Test", ["GIT_COMMITTER_EMAIL"] = "test@example.org", ["GIT_COMMITTER_DATE"] = "2025-01-01T00:00:00Z",
    };

    private readonly TempDirectory _temp = new();
    private readonly GitCli _git = new();
    private string _commit = null!;

    private string Repo => _temp.Combine("base");

    private string BuildDir => _temp.Combine("work", "build-unpatched");

    public async Task InitializeAsync()
    {
        FakePackagingTree.WriteSource(Repo);
        await _git.RunCheckedAsync(Repo, ["init", "-q", "-b", "base"]);
        await _git.RunCheckedAsync(Repo, ["add", "-A"]);
        await _git.RunCheckedAsync(Repo, ["commit", "-q", "-m", "Fake base"], environment: Identity);
        _commit = (await _git.RunCheckedAsync(Repo, ["rev-parse", "HEAD"])).FirstLine;
        await File.WriteAllTextAsync(_temp.Combine("smoke.config"), "CONFIG_NUMA=y\nCONFIG_OFFC_MIGRATION=y\n");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_base_is_checked_out_configured_and_prepared_once_then_reused()
    {
        var preparer = new UnpatchedKernelPreparer(new RecordingRunner(), _git);

        UnpatchedKernel first = await preparer.PrepareAsync(Request(), ["CONFIG_OFFC_MIGRATION"]);
        string[] calls = File.ReadAllLines(Path.Combine(BuildDir, "make-calls"));
        UnpatchedKernel second = await preparer.PrepareAsync(Request(), ["CONFIG_OFFC_MIGRATION"]);

        Assert.Equal(new UnpatchedKernel(BuildDir, "6.12.117", Reused: false), first);
        Assert.Equal(["tinyconfig x86_64", "merge", "olddefconfig x86_64", "modules_prepare x86_64"], calls);
        Assert.Equal(_commit, (await _git.RunCheckedAsync(_temp.Combine("work", "unpatched"), ["rev-parse", "HEAD"])).FirstLine);
        Assert.True(second.Reused);
        Assert.Equal(calls, File.ReadAllLines(Path.Combine(BuildDir, "make-calls")));
        Assert.Contains("CONFIG_NUMA=y", await File.ReadAllTextAsync(Path.Combine(BuildDir, ".config")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_that_already_has_the_series_options_cannot_stand_for_an_unpatched_kernel()
    {
        var preparer = new UnpatchedKernelPreparer(new RecordingRunner(new Dictionary<string, string?> { ["FAKE_KEEP"] = "1" }), _git);

        var e = await Assert.ThrowsAsync<KernelPackagingException>(() => preparer.PrepareAsync(Request(), ["CONFIG_OFFC_MIGRATION"]));

        Assert.Contains("already sets CONFIG_OFFC_MIGRATION", e.Message, StringComparison.Ordinal);
    }

    private UnpatchedKernelRequest Request() =>
        new(Repo, _commit, _temp.Combine("work", "unpatched"), BuildDir, "x86_64", [_temp.Combine("smoke.config")], _temp.Combine("logs"));
}
