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
            1..32
            # bench 4k off_t1 0.200 GB/s
            ok 1 bench_4k_off_t1
            # bench 4k on_t1 0.300 GB/s
            ok 2 bench_4k_on_t1
            # bench 4k off_t2 0.200 GB/s
            ok 3 bench_4k_off_t2
            # bench 4k on_t2 0.300 GB/s
            ok 4 bench_4k_on_t2
            # bench 4k off_t3 0.200 GB/s
            ok 5 bench_4k_off_t3
            # bench 4k on_t3 0.100 GB/s
            ok 6 bench_4k_on_t3
            # bench 4k off_t4 0.200 GB/s
            ok 7 bench_4k_off_t4
            # bench 4k on_t4 0.300 GB/s
            ok 8 bench_4k_on_t4
            # bench 4k off_t5 0.200 GB/s
            ok 9 bench_4k_off_t5
            # bench 4k on_t5 0.300 GB/s
            ok 10 bench_4k_on_t5
            # bench 4k off_t6 0.200 GB/s
            ok 11 bench_4k_off_t6
            # bench 4k on_t6 0.300 GB/s
            ok 12 bench_4k_on_t6
            # bench 4k off_t7 0.200 GB/s
            ok 13 bench_4k_off_t7
            # bench 4k on_t7 0.300 GB/s
            ok 14 bench_4k_on_t7
            # bench 4k off_t8 0.200 GB/s
            ok 15 bench_4k_off_t8
            # bench 4k on_t8 0.300 GB/s
            ok 16 bench_4k_on_t8
            # bench thp off_t1 0.400 GB/s
            ok 17 bench_thp_off_t1
            # bench thp on_t1 0.400 GB/s
            ok 18 bench_thp_on_t1
            # bench thp off_t2 0.400 GB/s
            ok 19 bench_thp_off_t2
            # bench thp on_t2 0.000 GB/s
            not ok 20 bench_thp_on_t2
            # bench thp off_t3 0.400 GB/s
            ok 21 bench_thp_off_t3
            # bench thp on_t3 0.400 GB/s
            ok 22 bench_thp_on_t3
            # bench thp off_t4 0.400 GB/s
            ok 23 bench_thp_off_t4
            # bench thp on_t4 0.400 GB/s
            ok 24 bench_thp_on_t4
            # bench thp off_t5 0.400 GB/s
            ok 25 bench_thp_off_t5
            # bench thp on_t5 0.400 GB/s
            ok 26 bench_thp_on_t5
            # bench thp off_t6 0.400 GB/s
            ok 27 bench_thp_off_t6
            # bench thp on_t6 0.400 GB/s
            ok 28 bench_thp_on_t6
            # bench thp off_t7 0.400 GB/s
            ok 29 bench_thp_off_t7
            # bench thp on_t7 0.400 GB/s
            ok 30 bench_thp_on_t7
            # bench thp off_t8 0.400 GB/s
            ok 31 bench_thp_off_t8
            # bench thp on_t8 0.400 GB/s
            ok 32 bench_thp_on_t8
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
        Assert.Equal([0.2, 0.4], result.Throughput.Rows.Select(r => r.Off!.Value).Distinct());
        Assert.Equal(1.5, result.Throughput.Rows[1].Ratio!.Value, 10);
        Assert.Equal(["thp on_t2"], result.Throughput.Missing);
        Assert.Equal(["4k t3"], result.Throughput.SlowerPoints.Select(r => $"{r.Kind} t{r.Threads}"));
        Assert.False(result.GuestPassed);
        Assert.EndsWith("ktap.txt", result.KtapPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guest_that_printed_no_numbers_gives_an_empty_table()
    {
        GuestBenchResult result = await new GuestBenchmark(new RecordingRunner()).RunAsync(_tools.Request());

        Assert.All(result.Throughput.Rows, r => Assert.Null(r.Off));
        Assert.Equal(32, result.Throughput.Missing.Count);
        Assert.False(result.GuestPassed);
    }
}
