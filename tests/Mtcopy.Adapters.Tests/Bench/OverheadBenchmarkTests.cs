using Mtcopy.Adapters.Bench;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Bench;

namespace Mtcopy.Adapters.Tests.Bench;

public sealed class OverheadBenchmarkTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static BenchCommand Sh(string script) => BenchCommand.Of("sh", ["-c", script]);

    [Fact]
    public async Task Repetitions_time_both_sides_taking_turns_to_go_first()
    {
        var events = new List<string>();
        var plan = new OverheadPlan("scenario",
        [
            new OverheadStep("slow", [Sh("sleep 0.3; echo pipeline slow")], () => { events.Add("bare commands slow"); return [Sh("echo bare slow")]; }),
            new OverheadStep("fast", [Sh("true")], () => [BenchCommand.Of("true", [])]),
        ], 2, _dir.Combine("logs"))
        {
            BeforePipeline = rep => events.Add($"before pipeline {rep}"),
            CheckPipeline = rep => { events.Add($"check {rep}"); return rep == 2 ? ["second looked odd"] : []; },
            BeforeBare = rep => events.Add($"before bare {rep}"),
        };
        var notes = new List<string>();

        PipelineOverhead result = await new OverheadBenchmark(new ProcessRunner()).RunAsync(plan, notes.Add);

        Assert.Equal(
        [
            "before pipeline 1", "check 1", "before bare 1", "bare commands slow",
            "before bare 2", "bare commands slow", "before pipeline 2", "check 2",
        ], events);
        Assert.Equal("scenario", result.Scenario);
        Assert.Equal(["second looked odd"], result.Notes);
        Assert.Equal(2, result.Repetitions);
        StepTiming slow = result.Steps[0];
        Assert.Equal(("slow", "sh"), (slow.Step, slow.BareCommands));
        Assert.Equal(2, slow.PipelineSeconds.Count);
        Assert.All(slow.PipelineSeconds, s => Assert.True(s >= 0.3, $"{s} s"));
        Assert.True(slow.BareMedian < slow.PipelineMedian);
        Assert.Equal("true", result.Steps[1].BareCommands);
        Assert.Equal(8, notes.Count);
        Assert.Contains("pipeline slow", File.ReadAllText(_dir.Combine("logs", "2-pipeline-slow.log")), StringComparison.Ordinal);
        Assert.Contains("bare slow", File.ReadAllText(_dir.Combine("logs", "1-bare-slow.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_command_fails_the_measurement_unless_allowed()
    {
        OverheadPlan Plan(BenchCommand bare) => new("s", [new OverheadStep("x", [Sh("true")], () => [bare])], 1, _dir.Combine("logs"));
        var runner = new ProcessRunner();

        await Assert.ThrowsAsync<ProcessFailedException>(() => new OverheadBenchmark(runner).RunAsync(Plan(Sh("exit 3"))));
        PipelineOverhead allowed = await new OverheadBenchmark(runner).RunAsync(Plan(Sh("exit 3") with { AllowNonZeroExit = true }));

        Assert.Single(allowed.Steps[0].BareSeconds);
    }
}
