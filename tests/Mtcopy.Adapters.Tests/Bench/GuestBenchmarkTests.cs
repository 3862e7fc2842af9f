using Mtcopy.Adapters.Bench;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Adapters.Tests.Smoke;

namespace Mtcopy.Adapters.Tests.Bench;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GuestBenchmarkTests : IDisposable
{
    private const string BenchKtap = """
        KTAP version 1
        1..1
            KTAP version 1
            1..6
            # bench 4k off 0.200 GB/s
            ok 1 bench_4k_off
            # bench 4k on_t1 0.100 GB/s
            ok 2 bench_4k_on_t1
            # bench 4k on_t2 0.300 GB/s
            ok 3 bench_4k_on_t2
            # bench 4k ratio on_t1/off 0.50 on_t2/off 1.50
            # bench thp off 0.400 GB/s
            ok 4 bench_thp_off
            # bench thp on_t1 0.400 GB/s
            ok 5 bench_thp_on_t1
            # bench thp on_t2 0.000 GB/s
            not ok 6 bench_thp_on_t2
            # bench thp ratio on_t1/off 1.00 on_t2/off 0.00
        not ok 1 bench
        # mtcopy-smoke: 1 failed of 1

        """;

    private readonly FakeGuestTools _tools = new();

    public void Dispose() => _tools.Dispose();

    [Fact]
    public async Task Boots_with_the_bench_argument_and_reads_the_table_from_the_ktap_port()
    {
        var runner = new RecordingRunner(new Dictionary<string, string?> { ["FAKE_KTAP"] = _tools.Write("canned/ktap", BenchKtap) });

        GuestBenchResult result = await new GuestBenchmark(runner).RunAsync(_tools.Request() with { ExtraKernelArgs = ["loglevel=4"] }, 7);

        Assert.EndsWith("transparent_hugepage=madvise loglevel=4 mtcopy.bench=7", runner.Specs[1].Arguments[^1], StringComparison.Ordinal);
        Assert.Equal(7, result.Throughput.Repetitions);
        Assert.Equal([0.2, 0.4], result.Throughput.Rows.Select(r => r.Off!.Value));
        Assert.Equal(1.5, result.Throughput.Rows[0].RatioThreads2!.Value, 10);
        Assert.Equal(["thp on_t2"], result.Throughput.Missing);
        Assert.False(result.GuestPassed);
        Assert.EndsWith("ktap.txt", result.KtapPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guest_that_printed_no_numbers_gives_an_empty_table()
    {
        GuestBenchResult result = await new GuestBenchmark(new RecordingRunner()).RunAsync(_tools.Request());

        Assert.All(result.Throughput.Rows, r => Assert.Null(r.Off));
        Assert.Equal(6, result.Throughput.Missing.Count);
        Assert.False(result.GuestPassed);
    }
}
