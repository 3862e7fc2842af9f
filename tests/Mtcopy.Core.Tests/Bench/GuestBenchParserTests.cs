using Mtcopy.Core.Bench;

namespace Mtcopy.Core.Tests.Bench;

public sealed class GuestBenchParserTests
{
    [Fact]
    public void Reads_every_throughput_and_ratio_line_of_a_guest_run()
    {
        GuestBenchLog log = GuestBenchParser.Parse(BenchFixtures.Read("guest-bench.ktap"));

        Assert.Equal(18, log.Samples.Count);
        Assert.Equal(
        [
            new GuestBenchSample("4k", "off", 0.206), new GuestBenchSample("4k", "on_t1", 0.180), new GuestBenchSample("4k", "on_t2", 0.127),
            new GuestBenchSample("4k", "on_t3", 0.150),
        ], log.Samples.Take(4));
        Assert.Equal(
        [
            new GuestBenchSample("thp", "off", 0.400), new GuestBenchSample("thp", "on_t1", 0.500), new GuestBenchSample("thp", "on_t8", 0.680),
        ], new[] { log.Samples[9], log.Samples[10], log.Samples[17] });
        Assert.Equal(16, log.ReportedRatios.Count);
        Assert.Equal(
        [
            new GuestBenchRatio("4k", "on_t1", 0.87), new GuestBenchRatio("4k", "on_t2", 0.62), new GuestBenchRatio("4k", "on_t3", 0.73),
        ], log.ReportedRatios.Take(3));
        Assert.Equal(new GuestBenchRatio("thp", "on_t8", 1.70), log.ReportedRatios[^1]);
    }

    [Fact]
    public void Ignores_other_lines_and_accepts_crlf()
    {
        GuestBenchLog log = GuestBenchParser.Parse("ok 1 bench\r\n# benchmark done\r\n    # bench 4k off 1 GB/s\r\n# mtcopy-smoke: 0 failed of 1\r\n");

        Assert.Equal([new GuestBenchSample("4k", "off", 1.0)], log.Samples);
        Assert.Empty(log.ReportedRatios);
    }

    [Fact]
    public void Nothing_to_read_is_an_empty_log() =>
        Assert.Empty(GuestBenchParser.Parse("KTAP version 1\n1..1\nok 1 module_load\n").Samples);

    [Fact]
    public void A_division_by_zero_in_the_guest_reads_as_not_a_number()
    {
        GuestBenchLog log = GuestBenchParser.Parse("# bench thp on_t1 0.000 GB/s\n# bench thp ratio on_t1/off -nan on_t2/off inf\n");

        Assert.Equal(0.0, log.Samples[0].GigabytesPerSecond);
        Assert.True(double.IsNaN(log.ReportedRatios[0].Ratio));
        Assert.True(double.IsPositiveInfinity(log.ReportedRatios[1].Ratio));
    }

    [Fact]
    public void A_measurement_printed_twice_is_an_error_naming_the_line()
    {
        var e = Assert.Throws<FormatException>(() => GuestBenchParser.Parse("# bench 4k off 0.2 GB/s\nok 1 x\n# bench 4k off 0.3 GB/s\n"));
        Assert.StartsWith("line 3: '4k off' is measured a second time", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    # bench 4k off fast GB/s")]
    [InlineData("    # bench 4k off 0.2 MB/s")]
    [InlineData("    # bench 4k ratio")]
    public void A_malformed_bench_line_is_an_error(string line)
    {
        var e = Assert.Throws<FormatException>(() => GuestBenchParser.Parse("ok 1 x\n" + line + "\n"));
        Assert.StartsWith("line 2: ", e.Message, StringComparison.Ordinal);
    }
}
