using Mtcopy.Adapters.Bench;
using Mtcopy.Adapters.Smoke;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Adapters.Tests.Smoke;

namespace Mtcopy.Adapters.Tests.Bench;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GuestBenchmarkTests : IDisposable
{
    // thp on_t2 failed (0.000) and thp on_t5 is not printed at all.
    private const string BenchKtap = """
        KTAP version 1
        1..1
            KTAP version 1
            1..17
            # bench 4k off 0.200 GB/s
            ok 1 bench_4k_off
            # bench 4k on_t1 0.100 GB/s
            ok 2 bench_4k_on_t1
            # bench 4k on_t2 0.300 GB/s
            ok 3 bench_4k_on_t2
            # bench 4k on_t3 0.200 GB/s
            ok 4 bench_4k_on_t3
            # bench 4k on_t4 0.200 GB/s
            ok 5 bench_4k_on_t4
            # bench 4k on_t5 0.200 GB/s
            ok 6 bench_4k_on_t5
            # bench 4k on_t6 0.200 GB/s
            ok 7 bench_4k_on_t6
            # bench 4k on_t7 0.200 GB/s
            ok 8 bench_4k_on_t7
            # bench 4k on_t8 0.250 GB/s
            ok 9 bench_4k_on_t8
            # bench 4k ratio on_t1/off 0.50 on_t2/off 1.50 on_t3/off 1.00 on_t4/off 1.00 on_t5/off 1.00 on_t6/off 1.00 on_t7/off 1.00 on_t8/off 1.25
            # bench thp off 0.400 GB/s
            ok 10 bench_thp_off
            # bench thp on_t1 0.400 GB/s
            ok 11 bench_thp_on_t1
            # bench thp on_t2 0.000 GB/s
            not ok 12 bench_thp_on_t2
            # bench thp on_t3 0.400 GB/s
            ok 13 bench_thp_on_t3
            # bench thp on_t4 0.400 GB/s
            ok 14 bench_thp_on_t4
            # bench thp on_t6 0.400 GB/s
            ok 15 bench_thp_on_t6
            # bench thp on_t7 0.400 GB/s
            ok 16 bench_thp_on_t7
            # bench thp on_t8 0.400 GB/s
            ok 17 bench_thp_on_t8
            # bench thp ratio on_t1/off 1.00 on_t2/off 0.00 on_t3/off 1.00 on_t4/off 1.00 on_t6/off 1.00 on_t7/off 1.00 on_t8/off 1.00
        not ok 1 bench
        # mtcopy-smoke: 1 failed of 1

        """;

    private readonly FakeGuestTools _tools = new();

    public void Dispose() => _tools.Dispose();

    [Fact]
    public async Task Boots_with_the_bench_argument_and_reads_the_table_from_the_ktap_port()
    {
        var runner = new RecordingRunner(new Dictionary<string, string?> { ["FAKE_KTAP"] = _tools.Write("canned/ktap", BenchKtap) });

        GuestBenchResult result = await new GuestBenchmark(new GuestRunner(runner)).RunAsync(_tools.Request() with { ExtraKernelArgs = ["loglevel=4"] }, 7);

        Assert.EndsWith("transparent_hugepage=madvise loglevel=4 mtcopy.bench=7", runner.Specs[1].Arguments[^1], StringComparison.Ordinal);
        Assert.Equal(7, result.Throughput.Repetitions);
        Assert.Equal([0.2, 0.4], result.Throughput.Rows.Select(r => r.Off!.Value));
        Assert.Equal(1.5, result.Throughput.Rows[0].Ratio(2)!.Value, 10);
        Assert.Equal(1.25, result.Throughput.Rows[0].Ratio(8)!.Value, 10);
        Assert.Equal(["thp on_t2", "thp on_t5"], result.Throughput.Missing);
        Assert.Equal((1, 0.5), result.Throughput.Rows[0].WorstRatio);
        Assert.False(result.GuestPassed);
        Assert.EndsWith("ktap.txt", result.KtapPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guest_that_printed_no_numbers_gives_an_empty_table()
    {
        GuestBenchResult result = await new GuestBenchmark(new GuestRunner(new RecordingRunner())).RunAsync(_tools.Request());

        Assert.All(result.Throughput.Rows, r => Assert.Null(r.Off));
        Assert.Equal(2 * 9, result.Throughput.Missing.Count);
        Assert.Equal(GuestBenchmark.DefaultRepetitions, result.Throughput.Repetitions);
        Assert.True(GuestBenchmark.DefaultRepetitions >= 7);
        Assert.False(result.GuestPassed);
    }
}
