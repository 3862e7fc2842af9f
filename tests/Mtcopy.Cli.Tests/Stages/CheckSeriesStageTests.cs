using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// CheckSeries' RunAsync on the fake kernel, whose scripts/checkpatch.pl reports an error for a patch containing
/// "BAD": a clean series passes (each prefix built, the worktree back at the series head); a checkpatch error fails it.
/// </summary>
public sealed class CheckSeriesStageTests : IDisposable
{
    private const string FakeCheckpatch = """
        #!/usr/bin/perl
        # Fake checkpatch.pl: one error for a patch that contains BAD, else clean.
        my $text = do { local $/; open(my $f, '<', $ARGV[-1]) or die "$ARGV[-1]: $!"; <$f> };
        if ($text =~ /BAD/) { print "ERROR: BAD is not allowed\ntotal: 1 errors, 0 warnings, 0 checks, 20 lines checked\n"; exit 1; }
        print "total: 0 errors, 0 warnings, 0 checks, 20 lines checked\n";

        """;

    private readonly StagePipeline pipeline = new();

    public CheckSeriesStageTests() => pipeline.Kernel.WriteFile("linux/scripts/checkpatch.pl", FakeCheckpatch);

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task A_clean_series_passes_and_the_worktree_is_back_at_the_series_head()
    {
        await pipeline.BuildAsync();
        int calls = pipeline.MakeCalls().Count;

        Assert.Equal("PASS", await pipeline.RunOkAsync(new CheckSeriesStage()));

        Assert.StartsWith("1 patches apply clean and pass checkpatch --strict; 1 prefixes build", pipeline.Recorded("checkseries").Message, StringComparison.Ordinal);
        Assert.Contains(pipeline.Runner.Ran, c => c.StartsWith("perl ", StringComparison.Ordinal) && c.Contains("--strict", StringComparison.Ordinal));
        // The prefix (config, build) and the head again (config, build) ran make in our build directory.
        Assert.True(pipeline.MakeCalls().Count > calls);
        var applied = StateFile.Read<AppliedSeries>(pipeline.StateDir, ApplyStage.StateName);
        Assert.Equal("note v1\n", File.ReadAllText(Path.Combine(applied.Worktree, "mm", "note.txt")));
    }

    [Fact]
    public async Task A_checkpatch_error_fails_the_series_and_names_the_patch()
    {
        pipeline.WritePatch("BAD note", StagePipeline.PatchDate);
        await pipeline.BuildAsync();

        int exit = await pipeline.RunAsync(new CheckSeriesStage());

        Assert.Equal(CliApp.ExitUser, exit);
        (string status, string message) = pipeline.Recorded("checkseries");
        Assert.Equal("FAIL", status);
        Assert.Contains($"checkpatch --strict {StagePipeline.PatchName}: 1 errors, 0 warnings", message, StringComparison.Ordinal);
    }
}
