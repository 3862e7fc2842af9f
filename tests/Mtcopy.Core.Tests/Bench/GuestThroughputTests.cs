using Mtcopy.Core.Bench;

namespace Mtcopy.Core.Tests.Bench;

public sealed class GuestThroughputTests
{
    [Fact]
    public void One_row_per_kind_and_thread_count_with_our_ratios()
    {
        GuestThroughput table = GuestThroughput.From(GuestBenchParser.Parse(BenchFixtures.Read("guest-bench.ktap")), 7);

        Assert.Equal(7, table.Repetitions);
        Assert.Empty(table.Missing);
        Assert.Equal(16, table.Rows.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], table.Rows.Where(r => r.Kind == "thp").Select(r => r.Threads));
        Assert.Equal(["4 KiB pages", "2 MiB THP"], table.Rows.Select(r => r.Label).Distinct());
        ThroughputRow thp2 = table.Rows.Single(r => r.Kind == "thp" && r.Threads == 2);
        Assert.Equal((0.401, 0.610), (thp2.Off!.Value, thp2.On!.Value));
        Assert.Equal(0.610 / 0.401, thp2.Ratio!.Value, 10);
    }

    [Fact]
    public void Points_more_than_5_percent_slower_are_flagged_and_no_others()
    {
        GuestThroughput table = GuestThroughput.From(GuestBenchParser.Parse(BenchFixtures.Read("guest-bench.ktap")), 7);

        // 4k t1 and t5 (0.97) are within 5%; t3 is faster, t7 level.
        Assert.Equal(["4k t2", "4k t4", "4k t6", "4k t8", "thp t5"], table.SlowerPoints.Select(r => $"{r.Kind} t{r.Threads}"));
    }

    [Theory]
    [InlineData(1.0, 0.951, false)]
    [InlineData(1.0, 0.949, true)]
    [InlineData(1.0, 1.2, false)]
    public void Slower_means_below_95_percent_of_off(double off, double on, bool slower) =>
        Assert.Equal(slower, new ThroughputRow("4k", 1, off, on).Slower);

    [Fact]
    public void Our_ratios_agree_with_the_ones_the_guest_printed()
    {
        GuestBenchLog log = GuestBenchParser.Parse(BenchFixtures.Read("guest-bench.ktap"));
        GuestThroughput table = GuestThroughput.From(log, 7);

        Assert.Equal(16, log.ReportedRatios.Count);
        foreach (GuestBenchRatio printed in log.ReportedRatios)
        {
            ThroughputRow row = table.Rows.Single(r => r.Kind == printed.Kind && GuestThroughput.Mode("on", r.Threads) == printed.Mode);
            Assert.Equal(printed.Ratio, row.Ratio!.Value, 0.006);
        }
    }

    [Fact]
    public void Absent_zero_and_nan_numbers_are_missing_have_no_ratio_and_are_not_flagged()
    {
        var log = new GuestBenchLog(
        [
            new GuestBenchSample("4k", "off_t1", 0.2), new GuestBenchSample("4k", "on_t1", 0), new GuestBenchSample("4k", "on_t2", double.NaN),
            new GuestBenchSample("huge1g", "off_t1", 1.0),
        ], []);

        GuestThroughput table = GuestThroughput.From(log, 3);

        Assert.Equal(["4k", "thp", "huge1g"], table.Rows.Select(r => r.Kind).Distinct());
        Assert.Equal(48 - 2, table.Missing.Count);
        Assert.Contains("4k on_t1", table.Missing);
        Assert.Contains("thp off_t8", table.Missing);
        Assert.DoesNotContain("4k off_t1", table.Missing);
        Assert.Null(table.Rows[0].Ratio);
        Assert.Equal(0.2, table.Rows[0].Off);
        Assert.Empty(table.SlowerPoints);
    }
}
