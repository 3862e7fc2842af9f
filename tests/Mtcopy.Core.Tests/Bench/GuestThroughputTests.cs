using Mtcopy.Core.Bench;

namespace Mtcopy.Core.Tests.Bench;

public sealed class GuestThroughputTests
{
    [Fact]
    public void One_row_per_kind_with_our_ratios()
    {
        GuestThroughput table = GuestThroughput.From(GuestBenchParser.Parse(BenchFixtures.Read("guest-bench.ktap")), 5);

        Assert.Equal(5, table.Repetitions);
        Assert.Empty(table.Missing);
        Assert.Equal(["4k", "thp"], table.Rows.Select(r => r.Kind));
        Assert.Equal(["4 KiB pages", "2 MiB THP"], table.Rows.Select(r => r.Label));
        ThroughputRow thp = table.Rows[1];
        Assert.Equal((0.400, 0.500, 0.610), (thp.Off!.Value, thp.OnThreads1!.Value, thp.OnThreads2!.Value));
        Assert.Equal(1.25, thp.RatioThreads1!.Value, 10);
        Assert.Equal(1.525, thp.RatioThreads2!.Value, 10);
    }

    [Fact]
    public void Our_ratios_agree_with_the_ones_the_guest_printed()
    {
        GuestBenchLog log = GuestBenchParser.Parse(BenchFixtures.Read("guest-bench.ktap"));
        GuestThroughput table = GuestThroughput.From(log, 5);

        foreach (GuestBenchRatio printed in log.ReportedRatios)
        {
            ThroughputRow row = table.Rows.Single(r => r.Kind == printed.Kind);
            double ours = (printed.Mode == "on_t1" ? row.RatioThreads1 : row.RatioThreads2)!.Value;
            Assert.Equal(printed.Ratio, ours, 0.006);
        }
    }

    [Fact]
    public void Absent_zero_and_nan_numbers_are_missing_and_have_no_ratio()
    {
        var log = new GuestBenchLog(
        [
            new GuestBenchSample("4k", "off", 0.2), new GuestBenchSample("4k", "on_t1", 0), new GuestBenchSample("4k", "on_t2", double.NaN),
            new GuestBenchSample("huge1g", "off", 1.0),
        ], []);

        GuestThroughput table = GuestThroughput.From(log, 3);

        Assert.Equal(["4k", "thp", "huge1g"], table.Rows.Select(r => r.Kind));
        Assert.Equal(["4k on_t1", "4k on_t2", "thp off", "thp on_t1", "thp on_t2", "huge1g on_t1", "huge1g on_t2"], table.Missing);
        Assert.Null(table.Rows[0].RatioThreads1);
        Assert.Null(table.Rows[0].RatioThreads2);
        Assert.Equal(0.2, table.Rows[0].Off);
    }
}
