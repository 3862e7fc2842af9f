using System.Diagnostics;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core;

namespace Mtcopy.Adapters.Tests.Process;

public sealed class ProcessRunnerTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ProcessRunner _runner = new();

    public void Dispose() => _temp.Dispose();

    private static ProcessSpec Sh(string script, params string[] args) => new("sh", ["-c", script, "sh", .. args]);

    [Fact]
    public async Task Streams_stdout_and_stderr_to_log_and_callback()
    {
        var seen = new List<string>();
        string log = _temp.Combine("logs", "run.log");

        ProcessResult result = await _runner.RunAsync(
            Sh("echo out1; echo err1 >&2; sleep 0.05; echo out2") with { LogPath = log, OnLine = seen.Add });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["err1", "out1", "out2"], seen.Order(StringComparer.Ordinal));
        Assert.Equal("out2", seen[^1]);
        string[] logLines = File.ReadAllLines(log);
        Assert.StartsWith("# mtcopy: in ", logLines[0], StringComparison.Ordinal);
        Assert.EndsWith("sh -c 'echo out1; echo err1 >&2; sleep 0.05; echo out2' sh", logLines[0], StringComparison.Ordinal);
        Assert.Equal(["err1", "out1", "out2"], logLines[1..4].Order(StringComparer.Ordinal));
        Assert.StartsWith("# mtcopy: exit code 0 after", logLines[4], StringComparison.Ordinal);
        Assert.True(result.Duration >= TimeSpan.FromMilliseconds(40));
        Assert.Equal(log, result.LogPath);
    }

    [Fact]
    public async Task Arguments_arrive_verbatim_without_shell_splitting()
    {
        var seen = new List<string>();
        string[] args = ["two words", "it's", "$HOME", "*", "a\"b", ""];

        await _runner.RunAsync(Sh("for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done", args) with { OnLine = seen.Add });

        Assert.Equal(args.Select(a => $"[{a}]"), seen);
    }

    [Fact]
    public async Task Sets_working_directory_and_environment_and_removes_variables()
    {
        string inherited = "MTCOPY_TEST_INHERITED_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(inherited, "from-parent");
        try
        {
            var seen = new List<string>();
            await _runner.RunAsync(
                Sh($"pwd; echo \"$MTCOPY_TEST_SET|${{{inherited}-removed}}\"") with
                {
                    WorkingDirectory = _temp.Path,
                    Environment = new Dictionary<string, string?> { ["MTCOPY_TEST_SET"] = "set value", [inherited] = null },
                    OnLine = seen.Add,
                });

            Assert.Equal([_temp.Path, "set value|removed"], seen);
        }
        finally
        {
            Environment.SetEnvironmentVariable(inherited, null);
        }
    }

    [Fact]
    public async Task Non_zero_exit_throws_with_program_arguments_code_tail_and_log()
    {
        string log = _temp.Combine("fail.log");

        // stdout and stderr are read on two pipes: the pause lets the 60 lines arrive before "boom".
        var error = await Assert.ThrowsAsync<ProcessFailedException>(() => _runner.RunAsync(
            Sh("i=1; while [ $i -le 60 ]; do echo line$i; i=$((i+1)); done; sleep 0.3; echo boom >&2; exit 3") with { LogPath = log }));

        Assert.Equal(3, error.ExitCode);
        Assert.Equal("sh", error.Program);
        Assert.Equal("-c", error.Arguments[0]);
        Assert.Equal(ProcessRunner.DefaultTailLines, error.OutputTail.Count);
        Assert.Equal("line12", error.OutputTail[0]);
        Assert.Equal("boom", error.OutputTail[^1]);
        Assert.Equal(log, error.LogPath);
        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("Full log: " + log, error.Message, StringComparison.Ordinal);
        Assert.Contains("line1", File.ReadAllText(log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_zero_exit_can_be_returned_instead()
    {
        ProcessResult result = await _runner.RunAsync(Sh("exit 5") with { ThrowOnNonZeroExit = false });

        Assert.Equal(5, result.ExitCode);
    }

    [Fact]
    public async Task Timeout_kills_the_process_tree()
    {
        var clock = Stopwatch.StartNew();
        string log = _temp.Combine("slow.log");

        var error = await Assert.ThrowsAsync<ProcessTimedOutException>(() => _runner.RunAsync(
            Sh("echo started; sleep 30; echo never") with { Timeout = TimeSpan.FromMilliseconds(300), LogPath = log }));

        // The grandchild 'sleep' holds the output pipe: returning quickly proves it was killed too.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(["started"], error.OutputTail);
        Assert.Contains("did not finish within 0.3 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("killed after the 0.3 s timeout", File.ReadAllText(log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_the_process()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _runner.RunAsync(Sh("sleep 30; echo never"), cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Missing_program_is_a_start_error()
    {
        var error = await Assert.ThrowsAsync<ProcessStartException>(() =>
            _runner.RunAsync(new ProcessSpec("mtcopy-no-such-program", ["x"])));

        Assert.IsAssignableFrom<UserErrorException>(error);
        Assert.Contains("mtcopy-no-such-program", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_is_appended_across_runs()
    {
        string log = _temp.Combine("steps.log");

        await _runner.RunAsync(Sh("echo first") with { LogPath = log });
        await _runner.RunAsync(Sh("echo second") with { LogPath = log });

        string[] lines = File.ReadAllLines(log);
        Assert.Equal(6, lines.Length);
        Assert.Equal("first", lines[1]);
        Assert.Equal("second", lines[4]);
    }
}
