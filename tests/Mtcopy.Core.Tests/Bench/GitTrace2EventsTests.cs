using Mtcopy.Core.Bench;

namespace Mtcopy.Core.Tests.Bench;

public sealed class GitTrace2EventsTests
{
    // Shaped like git 2.39's GIT_TRACE2_EVENT output: a worktree add with a child, then another command; one torn line.
    private const string Events = """
        {"event":"version","sid":"A","thread":"main","time":"2026-11-26T05:33:58.215074Z","evt":"3","exe":"2.39.5"}
        {"event":"start","sid":"A","thread":"main","time":"2026-11-26T05:33:58.215096Z","t_abs":0.000382,"argv":["git","-c","gc.auto=0","worktree","add","--quiet","-B","mtcopy-bench/1234","/out/ours","2b16"]}
        {"event":"child_start","sid":"A","thread":"main","time":"2026-11-26T05:33:58.215755Z","child_id":0,"argv":["git","reset","--hard"]}
        {"event":"start","sid":"A/B","thread":"main","time":"2026-11-26T05:33:58.240340Z","t_abs":0.0003,"argv":["/usr/lib/git-core/git","reset","--hard"]}
        {"event":"exit","sid":"A/B","thread":"main","time":"2026-11-26T05:34:10.241527Z","t_abs":12.001,"code":0}
        {"event":"exit","sid":"A","thread":"main","time":"2026-11-26T05:34:10.500000Z","t_abs":12.3,"code":0}
        {"event":"start","sid":"C","thread":"main","time":"2026-11-26T05:34:10.6Z","t_abs":0.0003,"argv":["git","worktree","add","--quiet","-B","mtcopy-bench/1234","/elsewhere","2b16"]}
        {"event":"exit","sid":"C","thread":"ma
        {"event":"exit","sid":"C","thread":"main","time":"2026-11-26T05:34:11Z","t_abs":0.4,"code":0}
        """;

    [Fact]
    public void Finds_when_the_first_matching_command_exited()
    {
        DateTimeOffset? exit = GitTrace2Events.ExitTime(Events, argv => GitTrace2Events.HasSequence(argv, "worktree", "add"));

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 5, 34, 10, 500, TimeSpan.Zero), exit);
    }

    [Fact]
    public void A_child_is_its_own_process()
    {
        DateTimeOffset? exit = GitTrace2Events.ExitTime(Events, argv => GitTrace2Events.HasSequence(argv, "reset", "--hard"));

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 5, 34, 10, 241, TimeSpan.Zero).AddTicks(5270), exit);
    }

    [Fact]
    public void No_match_or_no_exit_is_null()
    {
        Assert.Null(GitTrace2Events.ExitTime(Events, argv => argv.Contains("am")));
        Assert.Null(GitTrace2Events.ExitTime(Events.Split('\n')[1], _ => true));
        Assert.Null(GitTrace2Events.ExitTime("", _ => true));
    }

    [Theory]
    [InlineData(new[] { "git", "worktree", "add" }, true)]
    [InlineData(new[] { "git", "add", "worktree" }, false)]
    [InlineData(new[] { "git", "worktree" }, false)]
    public void Sequences_are_consecutive_words(string[] argv, bool expected) =>
        Assert.Equal(expected, GitTrace2Events.HasSequence(argv, "worktree", "add"));
}
