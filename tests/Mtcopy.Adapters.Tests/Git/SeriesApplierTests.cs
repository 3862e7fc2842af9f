using System.Text;
using Mtcopy.Adapters.Git;
using Mtcopy.Core.Patching;
using Mtcopy.Core;

namespace Mtcopy.Adapters.Tests.Git;

public sealed class SeriesApplierTests : IDisposable
{
    private const string Branch = "mtcopy/apply";

    private readonly TestRepo _repo = new();
    private readonly SeriesApplier _applier = new(new GitCli());

    public void Dispose() => _repo.Dispose();

    private ApplyRequest Request(string baseRevision, ApplyOptions? options = null) =>
        new(new WorkspaceSpec(_repo.Dir, baseRevision, Branch, _repo.WorktreePath), options ?? ApplyOptions.Default);

    private static byte[] Noise(int length, int seed) =>
        Enumerable.Range(0, length).Select(i => (byte)((i * 31) ^ (i >> 3) ^ seed)).ToArray();

    private string Worktree(string path) => File.ReadAllText(Path.Combine(_repo.WorktreePath, path));

    private string WorktreeStatus() => _repo.GitIn(_repo.WorktreePath, "status", "--porcelain");

    [Fact]
    public async Task A_mixed_series_gives_the_same_tree_and_commits_as_git_am()
    {
        // Like Debian's linux-source tree: a top-level .gitignore that ignores everything.
        _repo.Write(".gitignore", "/*\n");
        _repo.Write("src/a.c", TestRepo.Lines(30));
        _repo.Write("del.txt", "to be deleted\n");
        _repo.Write("old/name.txt", TestRepo.Lines(12, n => $"name {n}"));
        _repo.Write("script.sh", "#!/bin/sh\necho hi\n");
        _repo.Write("data.bin", Noise(4096, 7));
        _repo.Git("tag", "base", _repo.Commit("base"));

        _repo.Write("src/a.c", TestRepo.Lines(30).Replace("line 15\n", "line fifteen\n", StringComparison.Ordinal));
        _repo.Write("newdir/added.c", "int added;\n");
        File.Delete(Path.Combine(_repo.Dir, "del.txt"));
        _repo.Commit("first: modify, add ignored, delete\n\n#include lines stay in the body.\n\nSigned-off-by: Ada Tester <ada@example.org>");

        File.Delete(Path.Combine(_repo.Dir, "old/name.txt"));
        _repo.Write("new/name.txt", TestRepo.Lines(12, n => n == 6 ? "renamed six" : $"name {n}"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(_repo.Dir, "script.sh"), (UnixFileMode)0b111_101_101);
        }
        _repo.Commit("second: rename with change, chmod +x");

        var data = Noise(4096, 7);
        data[1000] = 0;
        data[1001] = 0xFF;
        _repo.Write("data.bin", data);
        _repo.Write("img.bin", Noise(300, 42));
        _repo.Commit("third: binary modify and add");

        var mbox = _repo.FormatPatch("base..main");
        Assert.Contains("\ndelta ", mbox, StringComparison.Ordinal);
        Assert.Contains("\nliteral ", mbox, StringComparison.Ordinal);
        Assert.Contains("\nrename from old/name.txt\n", mbox, StringComparison.Ordinal);
        var inputs = _repo.Inputs("base..main");
        _repo.MakeUserMess("src/a.c", "script.sh");
        var before = _repo.UserState("src/a.c", "script.sh");

        var result = await _applier.ApplyAsync(Request("base"), inputs);

        Assert.True(result.Succeeded, ReportRenderer.Render(result.Report));
        Assert.Null(result.StatePath);
        Assert.Equal(before, _repo.UserState("src/a.c", "script.sh"));
        Assert.Equal(string.Empty, WorktreeStatus());
        Assert.Equal(result.HeadCommit, _repo.GitIn(_repo.WorktreePath, "rev-parse", "HEAD").Trim());
        Assert.Equal(result.HeadCommit, _repo.Rev(Branch));
        Assert.Equal(_repo.Rev("base"), result.BaseCommit);
        Assert.All(result.Report.Patches, p => Assert.Equal(PatchOutcome.Applied, p.Outcome));

        // The reference: git am of the same format-patch output in a clone.
        var clone = Path.Combine(_repo.Root, "clone");
        _repo.GitIn(_repo.Root, "clone", "-q", _repo.Dir, clone);
        _repo.GitIn(clone, "checkout", "-q", "--detach", "base");
        _repo.Run(clone, mbox, "am", "-q", "--committer-date-is-author-date");
        Assert.Equal(_repo.GitIn(clone, "rev-parse", "HEAD^{tree}").Trim(), result.TreeId);
        Assert.Equal(_repo.GitIn(clone, "rev-parse", "HEAD").Trim(), result.HeadCommit);
        Assert.Equal(_repo.Rev("main^{tree}"), result.TreeId);
    }

    /// <summary>A one-patch series (a..up) whose hunk lands 3 lines lower on main, which gained lines above it.</summary>
    private string SeriesNeedingAnOffset()
    {
        _repo.Write("f.c", TestRepo.Lines(40));
        var a = _repo.Commit("a");
        _repo.Git("checkout", "-q", "-b", "up");
        _repo.Write("f.c", TestRepo.Lines(40, n => n == 20 ? "line twenty" : $"line {n}"));
        _repo.Commit("patch");
        _repo.Git("checkout", "-q", "main");
        _repo.Write("f.c", "top 1\ntop 2\ntop 3\n" + TestRepo.Lines(40));
        _repo.Commit("base with lines above");
        return a;
    }

    [Fact]
    public async Task A_patch_that_needs_an_offset_fails_CheckSeries_clean_apply_check()
    {
        var a = SeriesNeedingAnOffset();

        var result = await _applier.ApplyAsync(Request("main"), _repo.Inputs(a + "..up"));
        var outcomes = result.Report.Patches
            .Select(p => new Mtcopy.Core.Results.PatchRecord(p.Name, p.Outcome == PatchOutcome.Applied, PatchVerdict.Of(p), p.CommitId))
            .ToList();

        Assert.True(result.Succeeded);
        var problem = Assert.Single(Mtcopy.Core.Checks.CleanApply.Problems(outcomes, 1));
        Assert.EndsWith(": applied offset, not clean", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hunk_below_inserted_lines_applies_at_an_offset_like_git_apply()
    {
        var a = SeriesNeedingAnOffset();
        var inputs = _repo.Inputs(a + "..up");

        var result = await _applier.ApplyAsync(Request("main"), inputs);

        Assert.True(result.Succeeded);
        var hunk = Assert.Single(Assert.Single(Assert.Single(result.Report.Patches).Files).Hunks);
        Assert.Equal((HunkOutcome.Offset, 3, 20), (hunk.Outcome, hunk.Offset, hunk.AppliedLine!.Value));
        var clone = Path.Combine(_repo.Root, "clone");
        _repo.GitIn(_repo.Root, "clone", "-q", _repo.Dir, clone);
        _repo.Run(clone, _repo.FormatPatch(a + "..up"), "apply", "--index");
        Assert.Equal(_repo.GitIn(clone, "write-tree").Trim(), result.TreeId);
    }

    [Fact]
    public async Task Changed_context_is_merged_three_way_with_the_preimage_blob()
    {
        _repo.Write("f.c", TestRepo.Lines(40));
        var a = _repo.Commit("a");
        _repo.Git("checkout", "-q", "-b", "up");
        _repo.Write("f.c", TestRepo.Lines(40, n => n == 20 ? "line twenty" : $"line {n}"));
        _repo.Commit("patch");
        _repo.Git("checkout", "-q", "main");
        _repo.Write("f.c", TestRepo.Lines(40, n => n == 18 ? "line eighteen (base)" : $"line {n}"));
        _repo.Commit("base changes the context");
        var inputs = _repo.Inputs(a + "..up");

        var result = await _applier.ApplyAsync(Request("main"), inputs);

        Assert.True(result.Succeeded, ReportRenderer.Render(result.Report));
        var file = Assert.Single(Assert.Single(result.Report.Patches).Files);
        Assert.Equal(FileOutcome.ThreeWay, file.Outcome);
        Assert.Equal(HunkOutcome.ThreeWay, Assert.Single(file.Hunks).Outcome);
        Assert.Contains("line eighteen (base)\nline 19\nline twenty\n", Worktree("f.c"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, WorktreeStatus());
        var clone = Path.Combine(_repo.Root, "clone");
        _repo.GitIn(_repo.Root, "clone", "-q", _repo.Dir, clone);
        _repo.Run(clone, _repo.FormatPatch(a + "..up"), "am", "-q", "-3", "--committer-date-is-author-date");
        Assert.Equal(_repo.GitIn(clone, "rev-parse", "HEAD^{tree}").Trim(), result.TreeId);
    }

    private (List<PatchInput> Inputs, string A) ConflictSetup()
    {
        _repo.Write("f.c", TestRepo.Lines(40));
        _repo.Write("g.c", "untouched\n");
        var a = _repo.Commit("a");
        _repo.Git("checkout", "-q", "-b", "up");
        _repo.Write("f.c", TestRepo.Lines(40, n => n == 20 ? "line 20 from the patch" : $"line {n}"));
        _repo.Commit("first patch changes line 20");
        _repo.Write("h.c", "second\n");
        _repo.Commit("second patch adds h.c");
        _repo.Git("checkout", "-q", "main");
        _repo.Write("f.c", TestRepo.Lines(40, n => n == 20 ? "line 20 from the base" : $"line {n}"));
        _repo.Commit("base changes line 20 too");
        return (_repo.Inputs(a + "..up"), a);
    }

    [Fact]
    public async Task A_conflict_stops_with_a_report_and_continue_completes_after_the_fix()
    {
        var (inputs, _) = ConflictSetup();
        _repo.MakeUserMess("g.c", "f.c");
        var before = _repo.UserState("g.c", "f.c");

        var stopped = await _applier.ApplyAsync(Request("main"), inputs);

        Assert.False(stopped.Succeeded);
        Assert.Equal(before, _repo.UserState("g.c", "f.c"));
        Assert.NotNull(stopped.StatePath);
        Assert.True(File.Exists(stopped.StatePath));
        Assert.Equal(stopped.BaseCommit, stopped.HeadCommit);
        var patch = stopped.Report.StoppedAt!;
        Assert.Equal(1, patch.Number);
        Assert.Equal(PatchOutcome.NotAttempted, stopped.Report.Patches[1].Outcome);
        var file = Assert.Single(patch.Files);
        Assert.Equal(("f.c", FileOutcome.Conflict), (file.Path, file.Outcome));
        var hunk = Assert.Single(file.Hunks);
        Assert.Equal((1, HunkOutcome.Conflict, 17), (hunk.Number, hunk.Outcome, hunk.ExpectedLine));
        Assert.Contains("line 20", hunk.ExpectedLines);
        Assert.Contains("line 20 from the base", hunk.ActualLines);
        var text = ReportRenderer.Render(stopped.Report);
        Assert.Contains("f.c: CONFLICT", text, StringComparison.Ordinal);
        Assert.Contains("hunk #1 at line 17", text, StringComparison.Ordinal);
        Assert.Contains("| line 20 from the base", text, StringComparison.Ordinal);
        var conflicted = Worktree("f.c");
        Assert.Contains("<<<<<<< " + Branch + "\nline 20 from the base\n=======\nline 20 from the patch\n>>>>>>> ", conflicted, StringComparison.Ordinal);

        await Assert.ThrowsAsync<UnresolvedConflictException>(() => _applier.ContinueAsync(Request("main"), inputs));

        File.WriteAllText(Path.Combine(_repo.WorktreePath, "f.c"), TestRepo.Lines(40, n => n == 20 ? "line 20 resolved" : $"line {n}"));
        var done = await _applier.ContinueAsync(Request("main"), inputs);

        Assert.True(done.Succeeded, ReportRenderer.Render(done.Report));
        Assert.Null(done.StatePath);
        Assert.Equal(_repo.GitIn(_repo.WorktreePath, "rev-parse", "HEAD~1").Trim(), done.Report.Patches[0].CommitId);
        Assert.Equal(FileOutcome.Conflict, done.Report.Patches[0].Files[0].Outcome);
        Assert.False(File.Exists(stopped.StatePath));
        Assert.Equal(string.Empty, WorktreeStatus());
        Assert.Equal(before, _repo.UserState("g.c", "f.c"));
        var log = _repo.GitIn(_repo.WorktreePath, "log", "--format=%an|%ae|%ad|%cn|%cd|%s", "--date=raw", done.BaseCommit + "..HEAD");
        var expected = inputs.AsEnumerable().Reverse().Select(i =>
            $"{i.AuthorName}|{i.AuthorEmail}|{GitDate.Format(i.Date)[1..]}|{i.AuthorName}|{GitDate.Format(i.Date)[1..]}|{i.Message.Split('\n')[0]}\n");
        Assert.Equal(string.Concat(expected), log);
        Assert.Equal("line 20 resolved\n", _repo.GitIn(_repo.WorktreePath, "show", "HEAD~1:f.c").Split('\n')[19] + "\n");
        Assert.Equal("second\n", _repo.GitIn(_repo.WorktreePath, "show", "HEAD:h.c"));
    }

    [Fact]
    public async Task Abort_after_a_stop_leaves_nothing_behind()
    {
        var (inputs, _) = ConflictSetup();
        _repo.MakeUserMess("g.c", "f.c");
        var before = _repo.UserState("g.c", "f.c");
        var shape = _repo.RepoShape();

        var stopped = await _applier.ApplyAsync(Request("main"), inputs);
        Assert.False(stopped.Succeeded);
        Assert.NotEqual(shape, _repo.RepoShape());

        await _applier.AbortAsync(Request("main"));

        Assert.Equal(shape, _repo.RepoShape());
        Assert.Equal(before, _repo.UserState("g.c", "f.c"));
        Assert.False(Directory.Exists(_repo.WorktreePath));
        await Assert.ThrowsAsync<UserErrorException>(() => _applier.ContinueAsync(Request("main"), inputs));
    }

    [Fact]
    public async Task Fuzz_is_used_only_when_asked()
    {
        _repo.Write("f.c", TestRepo.Lines(40));
        var a = _repo.Commit("a");
        _repo.Git("checkout", "-q", "-b", "up");
        _repo.Write("f.c", TestRepo.Lines(40, n => n == 20 ? "line twenty" : $"line {n}"));
        _repo.Commit("patch");
        _repo.Git("checkout", "-q", "main");
        _repo.Write("f.c", TestRepo.Lines(40, n => n == 17 ? "line 17 changed" : $"line {n}"));
        _repo.Commit("base changes the first context line");
        var inputs = _repo.Inputs(a + "..up");

        var strict = await _applier.ApplyAsync(Request("main", new ApplyOptions { ThreeWay = false }), inputs);

        Assert.False(strict.Succeeded);
        var failed = Assert.Single(strict.Report.StoppedAt!.Files);
        Assert.Equal(HunkOutcome.Failed, Assert.Single(failed.Hunks).Outcome);
        Assert.StartsWith("diff a/f.c b/f.c\t(rejected hunks)\n@@ -17,7 +17,7 @@", Worktree("f.c.rej"), StringComparison.Ordinal);
        Assert.DoesNotContain("line twenty", Worktree("f.c"), StringComparison.Ordinal);

        var fuzzy = await _applier.ApplyAsync(Request("main", new ApplyOptions { ThreeWay = false, Fuzz = 1 }), inputs);

        Assert.True(fuzzy.Succeeded);
        var hunk = Assert.Single(Assert.Single(fuzzy.Report.Patches[0].Files).Hunks);
        Assert.Equal((HunkOutcome.Fuzz, 1), (hunk.Outcome, hunk.Fuzz));
        Assert.Contains("line 17 changed\nline 18\nline 19\nline twenty\n", Worktree("f.c"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_repo.WorktreePath, "f.c.rej")));
    }

    [Fact]
    public async Task A_previous_run_is_replaced_cleanly()
    {
        _repo.Write("f.c", TestRepo.Lines(10));
        var a = _repo.Commit("a");
        _repo.Write("f.c", TestRepo.Lines(10, n => n == 5 ? "five" : $"line {n}"));
        _repo.Commit("patch");
        var inputs = _repo.Inputs(a + "..main");

        var first = await _applier.ApplyAsync(Request(a), inputs);
        File.WriteAllText(Path.Combine(_repo.WorktreePath, "junk.txt"), "left over\n");
        var second = await _applier.ApplyAsync(Request(a), inputs);

        Assert.Equal(first.HeadCommit, second.HeadCommit);
        Assert.False(File.Exists(Path.Combine(_repo.WorktreePath, "junk.txt")));
        Assert.Equal(2, _repo.Git("worktree", "list", "--porcelain").Split("\nworktree ").Length);
    }

    [Fact]
    public async Task A_rerun_keeps_the_timestamps_of_files_the_series_does_not_touch()
    {
        _repo.Write("f.c", TestRepo.Lines(10));
        _repo.Write("untouched.c", "int untouched;\n");
        var a = _repo.Commit("a");
        _repo.Write("f.c", TestRepo.Lines(10, n => n == 5 ? "five" : $"line {n}"));
        _repo.Commit("patch");
        var inputs = _repo.Inputs(a + "..main");
        await _applier.ApplyAsync(Request(a), inputs);
        string untouched = Path.Combine(_repo.WorktreePath, "untouched.c");
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(untouched, stamp);

        var second = await _applier.ApplyAsync(Request(a), inputs);

        // An out-of-tree kernel build then rebuilds only what the series changes.
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(untouched));
        Assert.Equal("five\n", Worktree("f.c").Split('\n')[4] + "\n");
        Assert.Equal(_repo.Git("rev-parse", "main^{tree}").Trim(), _repo.GitIn(_repo.WorktreePath, "rev-parse", "HEAD^{tree}").Trim());
        Assert.Equal("", WorktreeStatus());
        Assert.NotNull(second.HeadCommit);
    }

    [Fact]
    public async Task Files_replaced_by_directories_and_back_match_git_am()
    {
        _repo.Write("x", "file x\n");
        _repo.Write("d/f", "file in d\n");
        _repo.Git("tag", "base", _repo.Commit("base"));
        File.Delete(Path.Combine(_repo.Dir, "x"));
        _repo.Write("x/y", "now a directory\n");
        Directory.Delete(Path.Combine(_repo.Dir, "d"), recursive: true);
        _repo.Write("d", "now a file\n");
        _repo.Commit("swap file and directory");
        var mbox = _repo.FormatPatch("base..main");

        var result = await _applier.ApplyAsync(Request("base"), _repo.Inputs("base..main"));

        Assert.True(result.Succeeded, ReportRenderer.Render(result.Report));
        Assert.Equal(string.Empty, WorktreeStatus());
        var clone = Path.Combine(_repo.Root, "clone");
        _repo.GitIn(_repo.Root, "clone", "-q", _repo.Dir, clone);
        _repo.GitIn(clone, "checkout", "-q", "--detach", "base");
        _repo.Run(clone, mbox, "am", "-q", "--committer-date-is-author-date");
        Assert.Equal(_repo.GitIn(clone, "rev-parse", "HEAD").Trim(), result.HeadCommit);
    }

    [Fact]
    public async Task Without_the_preimage_blob_a_failed_hunk_goes_to_a_reject_file()
    {
        _repo.Write("f.c", TestRepo.Lines(40));
        var a = _repo.Commit("a");
        _repo.Git("checkout", "-q", "-b", "up");
        _repo.Write("f.c", TestRepo.Lines(40, n => n == 20 ? "line twenty" : $"line {n}"));
        _repo.Commit("patch");
        _repo.Git("checkout", "-q", "main");
        _repo.Write("f.c", TestRepo.Lines(40, n => n == 18 ? "line eighteen (base)" : $"line {n}"));
        _repo.Commit("base changes the context");
        var input = _repo.Inputs(a + "..up")[0];
        var oldId = _repo.Rev(a + ":f.c")[..7];
        var unknown = input with { DiffText = input.DiffText.Replace("index " + oldId, "index 0123456", StringComparison.Ordinal) };
        Assert.NotEqual(input.DiffText, unknown.DiffText);

        var result = await _applier.ApplyAsync(Request("main"), [unknown]);

        Assert.False(result.Succeeded);
        var file = Assert.Single(result.Report.StoppedAt!.Files);
        Assert.Equal(FileOutcome.Failed, file.Outcome);
        Assert.Contains("0123456 is not in the repository", file.Message, StringComparison.Ordinal);
        Assert.Contains("+line twenty", Worktree("f.c.rej"), StringComparison.Ordinal);
        Assert.Equal(_repo.Rev("main:f.c"), _repo.GitIn(_repo.WorktreePath, "hash-object", "f.c").Trim());

        File.WriteAllText(
            Path.Combine(_repo.WorktreePath, "f.c"),
            TestRepo.Lines(40, n => n switch { 18 => "line eighteen (base)", 20 => "line twenty", _ => $"line {n}" }));
        var done = await _applier.ContinueAsync(Request("main"), [unknown]);

        Assert.True(done.Succeeded);
        Assert.False(File.Exists(Path.Combine(_repo.WorktreePath, "f.c.rej")));
        Assert.Equal(string.Empty, WorktreeStatus());
        Assert.Equal("patch\n", _repo.GitIn(_repo.WorktreePath, "cat-file", "commit", "HEAD").Split("\n\n", 2)[1]);
    }

    [Fact]
    public async Task Continue_accepts_a_stop_whose_reject_file_went_with_its_directory()
    {
        _repo.Write("keep.c", "keep\n");
        _repo.Write("d/f.c", TestRepo.Lines(40));
        var a = _repo.Commit("a");
        _repo.Git("checkout", "-q", "-b", "up");
        _repo.Write("d/f.c", TestRepo.Lines(40, n => n == 20 ? "line twenty" : $"line {n}"));
        _repo.Commit("patch");
        _repo.Git("checkout", "-q", "main");
        _repo.Write("d/f.c", TestRepo.Lines(40, n => n == 18 ? "line eighteen (base)" : $"line {n}"));
        _repo.Commit("base changes the context");
        var input = _repo.Inputs(a + "..up")[0];
        var oldId = _repo.Rev(a + ":d/f.c")[..7];
        var unknown = input with { DiffText = input.DiffText.Replace("index " + oldId, "index 0123456", StringComparison.Ordinal) };

        var result = await _applier.ApplyAsync(Request("main"), [unknown]);
        Assert.False(result.Succeeded);
        Assert.True(File.Exists(Path.Combine(_repo.WorktreePath, "d", "f.c.rej")));

        // The user resolves the stop by dropping the file, and its directory with the reject file in it.
        Directory.Delete(Path.Combine(_repo.WorktreePath, "d"), recursive: true);
        var done = await _applier.ContinueAsync(Request("main"), [unknown]);

        Assert.True(done.Succeeded);
        Assert.Equal(string.Empty, WorktreeStatus());
        Assert.Equal(string.Empty, _repo.GitIn(_repo.WorktreePath, "ls-tree", "--name-only", "HEAD", "d"));
    }
}
