using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Smoke;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Smoke;
using Mtcopy.Core;

namespace Mtcopy.Adapters.Tests.Smoke;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GuestRunnerTests : IDisposable
{
    private const string PassingKtap = "KTAP version 1\r\n1..2\r\n    # insmod returned 0\r\nok 1 module_load\r\n    KTAP version 1\r\n    1..1\r\n    ok 1 4k_x1\r\nok 2 migrate\r\n# mtcopy-smoke: 0 failed of 2\r\n";

    private readonly FakeGuestTools _tools = new();

    public void Dispose() => _tools.Dispose();

    private static RecordingRunner Runner(params (string Name, string Value)[] environment) =>
        new(environment.ToDictionary(e => e.Name, e => (string?)e.Value));

    [Fact]
    public async Task Passing_guest_writes_ktap_console_and_junit()
    {
        string ktap = _tools.Write("canned/ktap", PassingKtap);
        RecordingRunner runner = Runner(("FAKE_KTAP", ktap));

        GuestRunResult result = await new GuestRunner(runner).RunAsync(_tools.Request() with { ExtraKernelArgs = ["mtcopy.bench=3"] });

        Assert.Equal(SmokeVerdict.Pass, result.Report.Verdict);
        Assert.Equal(Path.Combine(_tools.OutDir, "smoke", "tiny"), result.Directory);
        Assert.Equal(PassingKtap, File.ReadAllText(result.KtapPath));
        Assert.Contains("<testcase classname=\"migrate\" name=\"migrate/4k_x1\" />", File.ReadAllText(result.JunitPath), StringComparison.Ordinal);
        string[] listing = File.ReadAllLines(result.ConsolePath);
        Assert.Equal(
            ["bin", "bin/busybox", "bin/mtcopy-test", "dev", "dev/console", "etc", "etc/mtcopy", "etc/mtcopy/contract",
             "init", "lib", "lib/modules", "lib/modules/mtcopy.ko", "proc", "sys", "tmp"],
            listing);

        Assert.Equal(2, runner.Specs.Count);
        ProcessSpec gcc = runner.Specs[0];
        Assert.Equal(["-O2", "-Wall", "-static", "-o", Path.Combine(result.Directory, "mtcopy-test")], gcc.Arguments.Take(5));
        ProcessSpec qemu = runner.Specs[1];
        Assert.Equal(_tools.QemuPath, qemu.Program);
        Assert.Equal(TimeSpan.FromSeconds(120), qemu.Timeout);
        Assert.False(qemu.ThrowOnNonZeroExit);
        Assert.Equal(
            QemuCommand.Arguments(new QemuSettings(_tools.KernelPath, result.InitramfsPath, result.ConsolePath, result.KtapPath) { ExtraKernelArgs = ["mtcopy.bench=3"] }),
            qemu.Arguments);
    }

    [Fact]
    public async Task Initramfs_is_reproducible()
    {
        var runner = new GuestRunner(Runner());
        GuestRunResult first = await runner.RunAsync(_tools.Request());
        byte[] bytes = File.ReadAllBytes(first.InitramfsPath);

        GuestRunResult second = await runner.RunAsync(_tools.Request());

        Assert.Equal(bytes, File.ReadAllBytes(second.InitramfsPath));
        Assert.Equal(SmokeVerdict.Incomplete, second.Report.Verdict);
        Assert.Contains("no KTAP output", second.Report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hung_guest_is_killed_and_reported_with_the_console_tail()
    {
        string ktap = _tools.Write("canned/ktap", "KTAP version 1\n1..7\nok 1 module_load\n    KTAP version 1\n    1..98\n    ok 1 4k_x1\n");
        string console = _tools.Write("canned/console", string.Join('\n', Enumerable.Range(1, 120).Select(i => $"console line {i}")) + "\n");
        RecordingRunner runner = Runner(("FAKE_KTAP", ktap), ("FAKE_CONSOLE", console), ("FAKE_QEMU_SLEEP", "30"));

        GuestRunResult result = await new GuestRunner(runner).RunAsync(_tools.Request() with { Timeout = TimeSpan.FromSeconds(1) });

        SmokeReport report = result.Report;
        Assert.Equal(SmokeVerdict.Timeout, report.Verdict);
        Assert.StartsWith("the guest did not power off within 1 s and was killed (planned 7, got 1: the output stops after line 6: 'ok 1 4k_x1')", report.Summary, StringComparison.Ordinal);
        Assert.Equal(100, report.ConsoleTail.Count);
        Assert.Equal("console line 120", report.ConsoleTail[^1]);
        Assert.Equal(["(unfinished test 2)"], report.FailedNames);
        Assert.True(report.BootToVerdict < TimeSpan.FromSeconds(20));
        Assert.Contains("<failure message=\"the guest did not power off within 1 s", File.ReadAllText(result.JunitPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kernel_panic_in_the_console_fails_the_run()
    {
        string ktap = _tools.Write("canned/ktap", "KTAP version 1\n1..2\nok 1 module_load\n");
        string console = _tools.Write("canned/console", "[    3.1] BUG: kernel NULL pointer dereference\n[    3.2] Kernel panic - not syncing: Fatal exception\n");

        GuestRunResult result = await new GuestRunner(Runner(("FAKE_KTAP", ktap), ("FAKE_CONSOLE", console))).RunAsync(_tools.Request());

        Assert.Equal(SmokeVerdict.Panic, result.Report.Verdict);
        Assert.Equal("[    3.2] Kernel panic - not syncing: Fatal exception", result.Report.ConsoleTail[^1]);
        Assert.Equal(2, result.Report.ConsoleHighlights.Count);
    }

    [Fact]
    public async Task Qemu_that_cannot_start_the_guest_is_incomplete_with_its_message()
    {
        RecordingRunner runner = Runner(("FAKE_QEMU_NO_FILES", "1"), ("FAKE_QEMU_EXIT", "1"), ("FAKE_QEMU_STDERR", "qemu: could not load kernel"));

        GuestRunResult result = await new GuestRunner(runner).RunAsync(_tools.Request());

        Assert.Equal(SmokeVerdict.Incomplete, result.Report.Verdict);
        Assert.Equal("qemu exited with code 1 before the KTAP report was complete (no KTAP file was written); qemu said: qemu: could not load kernel", result.Report.Summary);
        Assert.True(File.Exists(result.JunitPath));
        Assert.Contains("qemu: could not load kernel", File.ReadAllText(Path.Combine(result.Directory, GuestRunner.QemuLogFileName)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_program_that_does_not_compile_throws_with_the_log()
    {
        RecordingRunner runner = Runner(("FAKE_GCC_FAIL", "1"));

        var error = await Assert.ThrowsAsync<ProcessFailedException>(() => new GuestRunner(runner).RunAsync(_tools.Request()));

        Assert.Contains("error: fake failure", error.Message, StringComparison.Ordinal);
        Assert.Single(runner.Specs);
    }

    [Fact]
    public async Task Test_modules_go_into_the_initramfs()
    {
        string offc = _tools.Write("guest-modules/offc-test/offc_test.ko", "fake module");

        GuestRunResult result = await new GuestRunner(Runner()).RunAsync(_tools.Request() with { TestModulePaths = [offc] });

        Assert.Contains("lib/modules/offc_test.ko", File.ReadAllLines(result.ConsolePath));
    }

    [Fact]
    public async Task Missing_test_module_is_a_user_error_before_anything_runs()
    {
        RecordingRunner runner = Runner();

        var error = await Assert.ThrowsAsync<UserErrorException>(() =>
            new GuestRunner(runner).RunAsync(_tools.Request() with { TestModulePaths = [_tools.OutDir + "/offc_test.ko"] }));

        Assert.Contains("test module is missing", error.Message, StringComparison.Ordinal);
        Assert.Empty(runner.Specs);
    }

    [Fact]
    public async Task Missing_module_is_a_user_error_before_anything_runs()
    {
        RecordingRunner runner = Runner();

        var error = await Assert.ThrowsAsync<UserErrorException>(() =>
            new GuestRunner(runner).RunAsync(_tools.Request() with { ModulePath = _tools.ModulePath + ".missing" }));

        Assert.Contains("module (build mtcopy.ko first) is missing", error.Message, StringComparison.Ordinal);
        Assert.Empty(runner.Specs);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Config_names_must_be_plain(string name) =>
        Assert.Throws<UserErrorException>(() => GuestRunner.SmokeDirectory("/out", name));
}
