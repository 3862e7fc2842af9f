using Mtcopy.Adapters.Tests.Git;
using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Rebase;
using Mtcopy.Core.Rebase;
using Mtcopy.Core;

namespace Mtcopy.Adapters.Tests.Rebase;

/// <summary>The rebase (Apply's engine onto the new base) on a fake kernel: clean, three-way, a conflict left for the user, continue and abort.</summary>
public sealed class RebaseEngineTests : IDisposable
{
    private readonly RebaseFixture fixture = new();
    private readonly RebaseEngine engine = new(new GitCli());

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task Stops_at_the_conflict_with_markers_in_the_file_and_stages_in_the_index()
    {
        RebaseResult result = await engine.StartAsync(fixture.Request());

        Assert.False(result.Completed);
        Assert.Equal(["clean", "three-way", "conflict"], result.Patches.Select(p => p.Word));
        Assert.Equal(["b.c"], result.Patches[1].ChangedFiles);
        RebasePatch stopped = Assert.IsType<RebasePatch>(result.Stopped);
        ConflictHunk hunk = Assert.Single(stopped.Conflicts);
        Assert.Equal("c.c", hunk.Path);
        Assert.Equal(5, hunk.StartLine);
        Assert.Equal(["c five, changed upstream"], hunk.Ours);
        Assert.Equal(["c 5"], hunk.Base);
        Assert.Equal(["c five, patched"], hunk.Theirs);

        string worktree = result.State.Worktree;
        Assert.Contains("<<<<<<< ", File.ReadAllText(Path.Combine(worktree, "c.c")), StringComparison.Ordinal);
        string stages = fixture.Repo.GitIn(worktree, "ls-files", "-u");
        Assert.Equal(3, stages.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("base 2.0", fixture.Repo.GitIn(worktree, "log", "-1", "--format=%s", "HEAD~2").Trim());
        Assert.True(File.Exists(result.StatePath));
    }

    [Fact]
    public async Task Continue_refuses_an_unresolved_conflict_then_commits_the_staged_resolution()
    {
        RebaseResult stopped = await engine.StartAsync(fixture.Request());
        string worktree = stopped.State.Worktree;

        var unresolved = await Assert.ThrowsAsync<UserErrorException>(() => engine.ContinueAsync(fixture.WorkDirectory, fixture.Series));
        Assert.Contains("c.c", unresolved.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(worktree, "c.c"), RebaseFixtureLines.Resolved);
        fixture.Repo.GitIn(worktree, "add", "c.c");
        RebaseResult done = await engine.ContinueAsync(fixture.WorkDirectory, fixture.Series);

        Assert.True(done.Completed);
        Assert.Equal(["clean", "three-way", "resolved-by-user"], done.Patches.Select(p => p.Word));
        string log = fixture.Repo.GitIn(worktree, "log", "--format=%s|%an|%ae", $"{fixture.NewBase}..HEAD");
        Assert.Equal(
            "c: patch line 5|Ada Tester|ada@example.org\nb: patch line 25|Ada Tester|ada@example.org\na: patch line 3|Ada Tester|ada@example.org\n",
            log);
        Assert.Equal(RebaseFixtureLines.Resolved, fixture.Repo.GitIn(worktree, "show", "HEAD:c.c"));
        Assert.Equal("b two, changed upstream\n", fixture.Repo.GitIn(worktree, "show", "HEAD:b.c").Split('\n')[1] + "\n");
        Assert.Contains("b twenty-five, patched", fixture.Repo.GitIn(worktree, "show", "HEAD:b.c"), StringComparison.Ordinal);
        Assert.Empty(fixture.Repo.GitIn(worktree, "status", "--porcelain"));
        Assert.False(File.Exists(Path.Combine(fixture.Repo.GitIn(worktree, "rev-parse", "--absolute-git-dir").Trim(), "CHERRY_PICK_HEAD")));
    }

    [Fact]
    public async Task Continue_refuses_conflict_markers_staged_as_they_are()
    {
        RebaseResult stopped = await engine.StartAsync(fixture.Request());
        fixture.Repo.GitIn(stopped.State.Worktree, "add", "c.c");

        var error = await Assert.ThrowsAsync<UserErrorException>(() => engine.ContinueAsync(fixture.WorkDirectory, fixture.Series));

        Assert.Contains("Conflict markers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abort_leaves_nothing_behind()
    {
        string before = fixture.Repo.RepoShape();
        string status = fixture.Repo.Git("status", "--porcelain", "--untracked-files=all");
        await engine.StartAsync(fixture.Request());
        Assert.True(Directory.Exists(fixture.WorkDirectory));

        await engine.AbortAsync(fixture.WorkDirectory);

        Assert.False(Directory.Exists(fixture.WorkDirectory));
        Assert.Equal(before, fixture.Repo.RepoShape());
        Assert.Equal(status, fixture.Repo.Git("status", "--porcelain", "--untracked-files=all"));
        await Assert.ThrowsAsync<UserErrorException>(() => engine.ContinueAsync(fixture.WorkDirectory, fixture.Series));
    }

    [Fact]
    public async Task A_stopped_rebase_must_be_continued_or_aborted_before_another_starts()
    {
        await engine.StartAsync(fixture.Request());

        var error = await Assert.ThrowsAsync<UserErrorException>(() => engine.StartAsync(fixture.Request()));

        Assert.Contains("--continue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_base_repository_is_only_read()
    {
        string before = fixture.Repo.RepoShape();
        RebaseResult stopped = await engine.StartAsync(fixture.Request());
        File.WriteAllText(Path.Combine(stopped.State.Worktree, "c.c"), RebaseFixtureLines.Resolved);
        fixture.Repo.GitIn(stopped.State.Worktree, "add", "c.c");
        await engine.ContinueAsync(fixture.WorkDirectory, fixture.Series);

        Assert.Equal(before, fixture.Repo.RepoShape());
    }

    [Fact]
    public async Task Export_writes_format_patch_files_with_the_series_name_scheme()
    {
        RebaseResult stopped = await engine.StartAsync(fixture.Request());
        File.WriteAllText(Path.Combine(stopped.State.Worktree, "c.c"), RebaseFixtureLines.Resolved);
        fixture.Repo.GitIn(stopped.State.Worktree, "add", "c.c");
        RebaseResult done = await engine.ContinueAsync(fixture.WorkDirectory, fixture.Series);
        string dir = Path.Combine(fixture.Repo.Root, "out", "export");

        IReadOnlyList<string> files = await new SeriesExport(new GitCli()).FormatPatchAsync(done.State.Worktree, done.State.NewBase, dir);

        Assert.Equal(["0000-cover-letter.patch", "0001-a-patch-line-3.patch", "0002-b-patch-line-25.patch", "0003-c-patch-line-5.patch"], files);
        string first = File.ReadAllText(Path.Combine(dir, files[1]));
        Assert.StartsWith("From 0000000000000000000000000000000000000000 ", first, StringComparison.Ordinal);
        Assert.Contains("Subject: [PATCH 1/3] a: patch line 3", first, StringComparison.Ordinal);
    }
    [Fact]
    public async Task A_finished_rebase_with_commits_of_the_user_is_not_started_over()
    {
        RebaseResult stopped = await engine.StartAsync(fixture.Request());
        string worktree = stopped.State.Worktree;
        File.WriteAllText(Path.Combine(worktree, "c.c"), RebaseFixtureLines.Resolved);
        fixture.Repo.GitIn(worktree, "add", "c.c");
        await engine.ContinueAsync(fixture.WorkDirectory, fixture.Series);
        File.WriteAllText(Path.Combine(worktree, "a.c"), "ported\n");
        fixture.Repo.GitIn(worktree, "commit", "-q", "-am", "port to 2.0");

        var error = await Assert.ThrowsAsync<UserErrorException>(() => engine.StartAsync(fixture.Request()));
        RebaseResult again = await engine.ContinueAsync(fixture.WorkDirectory, fixture.Series);

        Assert.Contains("--continue to build and export", error.Message, StringComparison.Ordinal);
        Assert.True(again.Completed);
        Assert.Equal("port to 2.0", fixture.Repo.GitIn(worktree, "log", "-1", "--format=%s").Trim());
    }
}

internal static class RebaseFixtureLines
{
    public static string Resolved => TestRepo.Lines(10, n => n == 5 ? "c five, changed upstream and patched" : $"c {n}");
}
