using Mtcopy.Core.Bench;

namespace Mtcopy.Core.Tests.Bench;

public sealed class GuestThroughputTests
{
    [Fact]
    public void One_row_per_kind_with_off_and_on_at_1_to_8_threads_and_our_ratios()
    {
        GuestThroughput table = GuestThroughput.From(GuestBenchParser.Parse(BenchFixtures.Read("guest-bench.ktap")), 7);

        Assert.Equal(7, table.Repetitions);
        Assert.Empty(table.Missing);
        Assert.Equal(["off", "on_t1", "on_t2", "on_t3", "on_t4", "on_t5", "on_t6", "on_t7", "on_t8"], GuestThroughput.Modes);
        Assert.Equal(["4k", "thp"], table.Rows.Select(r => r.Kind));
        Assert.Equal(["4 KiB pages", "2 MiB THP"], table.Rows.Select(r => r.Label));
        ThroughputRow thp = table.Rows[1];
        Assert.Equal(0.400, thp.Off);
        Assert.Equal([0.500, 0.610, 0.620, 0.640, 0.650, 0.660, 0.670, 0.680], thp.On.Select(v => v!.Value));
        Assert.Equal(0.610, thp.OnAt(2));
        Assert.Null(thp.OnAt(9));
        Assert.Equal(1.25, thp.Ratio(1)!.Value, 10);
        Assert.Equal(1.525, thp.Ratio(2)!.Value, 10);
        Assert.Equal(1.7, thp.Ratio(8)!.Value, 10);
    }

    [Fact]
    public void Our_ratios_agree_with_the_ones_the_guest_printed()
    {
        GuestBenchLog log = GuestBenchParser.Parse(BenchFixtures.Read("guest-bench.ktap"));
        GuestThroughput table = GuestThroughput.From(log, 7);

        Assert.Equal(16, log.ReportedRatios.Count);
        foreach (GuestBenchRatio printed in log.ReportedRatios)
        {
            ThroughputRow row = table.Rows.Single(r => r.Kind == printed.Kind);
            int threads = int.Parse(printed.Mode["on_t".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(printed.Ratio, row.Ratio(threads)!.Value, 0.006);
        }
    }

    [Fact]
    public void The_worst_ratio_and_the_verdict_per_kind()
    {
        GuestThroughput table = GuestThroughput.From(GuestBenchParser.Parse(BenchFixtures.Read("guest-bench.ktap")), 7);

        Assert.Equal(2, table.Rows[0].WorstRatio!.Value.Threads);
        Assert.Equal(0.127 / 0.206, table.Rows[0].WorstRatio!.Value.Ratio, 10);
        Assert.Equal((1, 1.25), table.Rows[1].WorstRatio);
        Assert.Equal(
        [
            "4 KiB pages: lowest on_t2/off 0.62x, not within 5%",
            "2 MiB THP: lowest on_t1/off 1.25x, within 5%",
        ], table.Verdicts());
    }

    [Fact]
    public void Exactly_095_is_within_5_percent_and_a_row_without_ratios_says_so()
    {
        var table = new GuestThroughput(
        [
            new ThroughputRow("4k", 1.0, [1.0, 0.95]),
            new ThroughputRow("thp", null, [1.0]),
        ], 7);

        Assert.Equal(
        [
            "4 KiB pages: lowest on_t2/off 0.95x, within 5%",
            "2 MiB THP: no on_tN/off ratio",
        ], table.Verdicts());
    }

    [Fact]
    public void A_mode_the_guest_did_not_print_is_missing_and_left_out_of_the_worst_ratio()
    {
        string ktap = string.Join('\n', BenchFixtures.Read("guest-bench.ktap").Split('\n').Where(l => !l.Contains("bench thp on_t5 ", StringComparison.Ordinal)));

        GuestThroughput table = GuestThroughput.From(GuestBenchParser.Parse(ktap), 7);

        Assert.Equal(["thp on_t5"], table.Missing);
        ThroughputRow thp = table.Rows[1];
        Assert.Null(thp.OnAt(5));
        Assert.Null(thp.Ratio(5));
        Assert.Equal(0.640, thp.OnAt(4));
        Assert.Equal(0.660, thp.OnAt(6));
        Assert.Equal((1, 1.25), thp.WorstRatio);
    }

    [Fact]
    public void Absent_zero_and_nan_numbers_are_missing_and_have_no_ratio()
    {
        var log = new GuestBenchLog(
        [
            new GuestBenchSample("4k", "off", 0.2), new GuestBenchSample("4k", "on_t1", 0), new GuestBenchSample("4k", "on_t2", double.NaN),
            new GuestBenchSample("4k", "on_t3", 0.3),
            new GuestBenchSample("huge1g", "off", 1.0),
        ], []);

        GuestThroughput table = GuestThroughput.From(log, 3);

        Assert.Equal(["4k", "thp", "huge1g"], table.Rows.Select(r => r.Kind));
        string[] onModes = ["on_t1", "on_t2", "on_t3", "on_t4", "on_t5", "on_t6", "on_t7", "on_t8"];
        Assert.Equal(
        [
            "4k on_t1", "4k on_t2", "4k on_t4", "4k on_t5", "4k on_t6", "4k on_t7", "4k on_t8",
            "thp off", .. onModes.Select(m => "thp " + m),
            .. onModes.Select(m => "huge1g " + m),
        ], table.Missing);
        Assert.Null(table.Rows[0].Ratio(1));
        Assert.Null(table.Rows[0].Ratio(2));
        Assert.Equal(1.5, table.Rows[0].Ratio(3)!.Value, 10);
        Assert.Equal((3, 1.5), (table.Rows[0].WorstRatio!.Value.Threads, Math.Round(table.Rows[0].WorstRatio!.Value.Ratio, 10)));
        Assert.Equal(0.2, table.Rows[0].Off);
        Assert.Null(table.Rows[1].WorstRatio);
    }

    [Fact]
    public void Rows_compare_by_value_including_the_thread_list() =>
        Assert.Equal(new ThroughputRow("4k", 0.2, [0.1, null]), new ThroughputRow("4k", 0.2, [0.1, null]));
}
