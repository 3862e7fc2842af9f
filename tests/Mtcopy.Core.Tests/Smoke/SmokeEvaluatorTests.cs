using Mtcopy.Core.Results;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Core.Tests.Smoke;

public sealed class SmokeEvaluatorTests
{
    private const string Failing = "KTAP version 1\n1..2\nok 1 module_load\n    KTAP version 1\n    1..1\n    not ok 1 thp_x3\n    # byte 7 wrong\nnot ok 2 migrate\n";

    private static readonly string Console150 = string.Join("\r\n", Enumerable.Range(1, 150).Select(i => $"[    {i}.000000] line {i}")) + "\r\n";

    private static SmokeEvidence Evidence(string? ktap, string? console = null) => new("tiny")
    {
        KtapText = ktap,
        ConsoleText = console ?? Console150,
        QemuExitCode = 0,
        GuestDuration = TimeSpan.FromSeconds(14.5),
        TotalDuration = TimeSpan.FromSeconds(20),
    };

    [Fact]
    public void Complete_passing_report_passes_without_console_tail()
    {
        SmokeReport report = SmokeEvaluator.Evaluate(Evidence(SmokeFixtures.Read("guest-pass.ktap")));

        Assert.Equal(SmokeVerdict.Pass, report.Verdict);
        Assert.True(report.Passed);
        Assert.Equal("133 tests passed, 0 skipped, in 14.5 s", report.Summary);
        Assert.Empty(report.ConsoleTail);
        Assert.Empty(report.FailedNames);
        Assert.Equal(7, report.Tests.Count);
        Assert.Equal(TimeSpan.FromSeconds(14.5), report.BootToVerdict);
        Assert.Null(report.GuestFailure);
    }

    [Fact]
    public void Failed_tests_fail_with_their_names()
    {
        SmokeReport report = SmokeEvaluator.Evaluate(Evidence(Failing));

        Assert.Equal(SmokeVerdict.Fail, report.Verdict);
        Assert.Equal(["migrate/thp_x3"], report.FailedNames);
        Assert.Equal("1 of 3 tests failed: migrate/thp_x3", report.Summary);
        Assert.Empty(report.ConsoleTail);
    }

    [Fact]
    public void Timeout_wins_and_keeps_the_last_100_console_lines()
    {
        SmokeReport report = SmokeEvaluator.Evaluate(Evidence("KTAP version 1\n1..7\nok 1 module_load\n") with
        {
            TimedOut = true,
            QemuExitCode = null,
            Timeout = TimeSpan.FromSeconds(120),
        });

        Assert.Equal(SmokeVerdict.Timeout, report.Verdict);
        Assert.Equal(
            "the guest did not power off within 120 s and was killed (planned 7, got 1: the output stops after line 3: 'ok 1 module_load')",
            report.Summary);
        Assert.Equal(100, report.ConsoleTail.Count);
        Assert.Equal("[    51.000000] line 51", report.ConsoleTail[0]);
        Assert.Equal("[    150.000000] line 150", report.ConsoleTail[^1]);
        Assert.Equal(report.Summary, report.GuestFailure);
    }

    [Fact]
    public void Panic_in_the_console_fails_even_with_a_complete_report()
    {
        string console = "booting\r\n[    2.5] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100\r\n[    2.6] Call Trace:\r\n";

        SmokeReport report = SmokeEvaluator.Evaluate(Evidence(SmokeFixtures.Read("guest-pass.ktap"), console));

        Assert.Equal(SmokeVerdict.Panic, report.Verdict);
        Assert.Equal(
            "the kernel panicked: [    2.5] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100 (the KTAP report is complete)",
            report.Summary);
        Assert.Equal(["booting", "[    2.5] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100", "[    2.6] Call Trace:"], report.ConsoleTail);
        Assert.Equal(2, report.ConsoleHighlights.Count);
    }

    [Fact]
    public void Qemu_exit_without_a_ktap_file_is_incomplete_and_quotes_qemu()
    {
        SmokeReport report = SmokeEvaluator.Evaluate(Evidence(null, "") with
        {
            QemuExitCode = 1,
            QemuOutput = ["qemu-system-x86_64: could not load kernel '/nope/bzImage'"],
        });

        Assert.Equal(SmokeVerdict.Incomplete, report.Verdict);
        Assert.Equal(
            "qemu exited with code 1 before the KTAP report was complete (no KTAP file was written); qemu said: qemu-system-x86_64: could not load kernel '/nope/bzImage'",
            report.Summary);
        Assert.Empty(report.ConsoleTail);
    }

    [Fact]
    public void Guest_that_powers_off_early_is_incomplete()
    {
        SmokeReport report = SmokeEvaluator.Evaluate(Evidence("KTAP version 1\n1..7\nok 1 module_load\n    KTAP version 1\n    1..26\n    ok 1 a\n"));

        Assert.Equal(SmokeVerdict.Incomplete, report.Verdict);
        Assert.StartsWith("the guest stopped before its KTAP report was complete (planned 7, got 1: the output stops after line 6: 'ok 1 a')", report.Summary, StringComparison.Ordinal);
        Assert.Equal(["(unfinished test 2)"], report.FailedNames);
        Assert.Equal(100, report.ConsoleTail.Count);
    }

    [Fact]
    public void Stage_result_carries_verdict_and_counts()
    {
        StageResult stage = SmokeEvaluator.Evaluate(Evidence(Failing)).ToStageResult();

        Assert.Equal("smoke", stage.Name);
        Assert.Equal(StageStatus.Fail, stage.Status);
        Assert.Equal(20, stage.DurationSeconds);
        Assert.Equal("FAIL", stage.Details["verdict"]);
        Assert.Equal("1", stage.Details["failed"]);
        Assert.Equal("3", stage.Details["tests"]);
        Assert.Equal("14.5", stage.Details["boot_to_verdict_seconds"]);
    }
}
