using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Tests.Patching;

/// <summary>The messages are what git 2.39 printed (LC_ALL=C) for the runs named in each test.</summary>
public sealed class GitApplyLogTests
{
    private const string Searching = "error: while searching for:\nline 17\nline 18\n\nerror: patch failed: f.c:17\n";

    [Fact]
    public void Offsets_and_reduced_context_belong_to_the_hunk_git_names()
    {
        // git apply --index -C2 -v
        const string stderr = "Checking patch f.c...\nHunk #1 succeeded at 21 (offset 5 lines).\nContext reduced to (2/2) to apply fragment at 21\n"
            + "Hunk #2 succeeded at 35 (offset 1 line).\nChecking patch g.c...\nApplied patch f.c cleanly.\nApplied patch g.c cleanly.\n";

        var logs = GitApplyLog.Parse(stderr);

        Assert.Equal(2, logs.Count);
        Assert.Equal([new HunkNote(1, 21, 2, 2), new HunkNote(2, 35, null, null)], logs[0].Moved);
        Assert.False(logs[0].Failed);
        Assert.Empty(logs[1].Moved);
    }

    [Fact]
    public void A_failed_hunk_is_named_by_its_old_line_and_the_searched_text_is_skipped()
    {
        // git apply --check --reject -v, then the --3way run when the preimage blob is missing
        var check = GitApplyLog.Parse("Checking patch f.c...\n" + Searching.Replace("line 18\n", "error: x: y\n", StringComparison.Ordinal)
            + "Hunk #2 succeeded at 35 (offset 3 lines).\nChecking patch g.c...\n");
        var merge = GitApplyLog.Parse("Checking patch f.c...\nerror: repository lacks the necessary blob to perform 3-way merge.\n"
            + "Falling back to direct application...\n" + Searching + "error: f.c: patch does not apply\nChecking patch g.c...\n");

        Assert.Equal([17], check[0].FailedOldLines);
        Assert.Empty(check[0].Errors);
        Assert.True(check[0].Failed);
        Assert.Equal([new HunkNote(2, 35, null, null)], check[0].Moved);
        Assert.False(check[1].Failed);
        Assert.True(merge[0].MissingPreimage);
        Assert.Empty(merge[0].Errors);
    }

    [Fact]
    public void Other_errors_are_kept_for_the_file_and_text_before_the_first_file_is_ignored()
    {
        var logs = GitApplyLog.Parse("error: ignored\nChecking patch new.c...\nerror: new.c: already exists in index\nContext reduced to (1/1) to apply fragment at 9\n");

        Assert.Equal(["new.c: already exists in index"], Assert.Single(logs).Errors);
        Assert.Equal([new HunkNote(null, 9, 1, 1)], logs[0].Moved);
    }
}
