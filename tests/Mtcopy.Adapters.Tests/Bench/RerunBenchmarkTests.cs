using Mtcopy.Adapters.Bench;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Bench;
using Mtcopy.Core.Results;

namespace Mtcopy.Adapters.Tests.Bench;

public sealed class RerunBenchmarkTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public RerunBenchmarkTests()
    {
        var metadata = new RunMetadata
        {
            ToolVersion = "0.1.0",
            RunId = "rerun",
            StartedUtc = DateTimeOffset.UnixEpoch,
            Command = ["./build.sh"],
            Stages =
            [
                StageResult.Skipped("fetch", "in the cache"), StageResult.Skipped("build", "unchanged"),
                new StageResult("smoke", StageStatus.Pass, 20, "pass"), new StageResult("summary", StageStatus.Pass, 0, "done"),
            ],
        };
        File.WriteAllText(_dir.Combine("written.json"), RunMetadataJson.Serialize(metadata));
        File.WriteAllText(MetadataPath, "{}");
        File.SetLastWriteTimeUtc(MetadataPath, DateTime.UtcNow.AddMinutes(-5));
    }

    private string MetadataPath => _dir.Combine("metadata.json");

    private string Log => _dir.Combine("bench", "rerun.log");

    public void Dispose() => _dir.Dispose();

    private BenchCommand Pipeline(string tail) =>
        BenchCommand.Of("sh", ["-c", $"sleep 0.2; echo running; cp '{_dir.Combine("written.json")}' '{MetadataPath}'; {tail}"]);

    [Fact]
    public async Task Reads_what_each_stage_did_from_the_new_metadata()
    {
        RerunTiming timing = await new RerunBenchmark(new ProcessRunner()).RunAsync(Pipeline("exit 0"), MetadataPath, Log);

        Assert.True(timing.WallSeconds >= 0.2);
        Assert.Equal(0, timing.ExitCode);
        Assert.Equal(["fetch", "build"], timing.Skipped);
        Assert.Equal(["smoke"], timing.Ran);
        Assert.StartsWith("sh -c ", timing.CommandLine, StringComparison.Ordinal);
        Assert.Contains("running", File.ReadAllText(Log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_run_still_reports_its_stages_and_exit_code()
    {
        RerunTiming timing = await new RerunBenchmark(new ProcessRunner()).RunAsync(Pipeline("exit 2"), MetadataPath, Log);

        Assert.Equal(2, timing.ExitCode);
        Assert.Equal(["smoke"], timing.Ran);
    }

    [Fact]
    public async Task A_run_that_leaves_the_old_metadata_is_an_error()
    {
        var e = await Assert.ThrowsAsync<FormatException>(() =>
            new RerunBenchmark(new ProcessRunner()).RunAsync(BenchCommand.Of("sh", ["-c", "exit 1"]), MetadataPath, Log));

        Assert.Contains("did not write", e.Message, StringComparison.Ordinal);
    }
}
