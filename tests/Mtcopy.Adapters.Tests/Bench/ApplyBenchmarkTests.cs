using Mtcopy.Adapters.Bench;
using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Tests.Git;
using Mtcopy.Core.Bench;
using Mtcopy.Core;

namespace Mtcopy.Adapters.Tests.Bench;

public sealed class ApplyBenchmarkTests : IDisposable
{
    private readonly TestRepo _repo = new();

    public ApplyBenchmarkTests()
    {
        _repo.Write("mm/migrate.c", TestRepo.Lines(40));
        _repo.Write("README", "base\n");
        _repo.Git("tag", "base", _repo.Commit("base"));
        _repo.Write("mm/migrate.c", TestRepo.Lines(40).Replace("line 20\n", "line twenty\n", StringComparison.Ordinal));
        _repo.Commit("mm: first");
        _repo.Write("drivers/new.c", "int mtcopy;\n");
        _repo.Commit("drivers: second");
        _repo.Git("format-patch", "-q", "-o", PatchDir, "base..main");
    }

    private string PatchDir => Path.Combine(_repo.Root, "patches");

    private string Scratch => Path.Combine(_repo.Root, "out", "bench", "apply");

    public void Dispose() => _repo.Dispose();

    private ApplyBenchRequest Request(IReadOnlyList<string>? files = null) =>
        new(_repo.Dir, _repo.Rev("base"), _repo.Inputs("base..main"), files ?? [.. Directory.GetFiles(PatchDir).Order(StringComparer.Ordinal)], Scratch);

    [Fact]
    public async Task Both_tools_give_the_tree_of_the_original_commits_and_leave_nothing_behind()
    {
        var notes = new List<string>();

        ApplyComparison result = await new ApplyBenchmark(new GitCli()).RunAsync(Request(), notes.Add);

        Assert.Equal(2, result.Patches);
        Assert.Equal(_repo.Rev("base"), result.BaseCommit);
        Assert.Equal(_repo.Rev("main^{tree}"), result.OursTree);
        Assert.True(result.SameTree);
        Assert.All(new[] { result.OursCheckoutSeconds, result.OursApplySeconds, result.AmCheckoutSeconds, result.AmApplySeconds }, s => Assert.True(s > 0));
        Assert.Equal(4, notes.Count);
        Assert.True(File.Exists(Path.Combine(_repo.Root, "out", "bench", ApplyBenchmark.TraceFileName)));
        AssertNothingLeft();
    }

    [Fact]
    public async Task A_failing_git_am_is_reported_and_cleaned_up()
    {
        string bogus = Path.Combine(PatchDir, "9999-missing.patch");

        var e = await Assert.ThrowsAsync<GitCommandException>(() =>
            new ApplyBenchmark(new GitCli()).RunAsync(Request([.. Directory.GetFiles(PatchDir).Order(StringComparer.Ordinal), bogus])));

        Assert.Contains("am", e.Message, StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Fact]
    public async Task A_series_that_does_not_apply_is_a_setup_error()
    {
        _repo.Git("checkout", "-q", "-b", "other", "base");
        _repo.Write("mm/migrate.c", "completely different\n");
        _repo.Git("tag", "other-base", _repo.Commit("other base"));
        ApplyBenchRequest request = Request() with { BaseCommit = _repo.Rev("other-base") };

        await Assert.ThrowsAsync<UserErrorException>(() => new ApplyBenchmark(new GitCli()).RunAsync(request));

        AssertNothingLeft();
    }

    private void AssertNothingLeft()
    {
        Assert.False(Directory.Exists(Scratch));
        string worktrees = _repo.Git("worktree", "list", "--porcelain");
        Assert.Single(worktrees.Split('\n'), l => l.StartsWith("worktree ", StringComparison.Ordinal));
        Assert.Equal("", _repo.Git("branch", "--list", "mtcopy-bench/*").Trim());
    }
}
