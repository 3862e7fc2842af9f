using System.Globalization;
using System.Text.Json.Nodes;
using Mtcopy.Core.Bench;
using Mtcopy.Core.Report;

namespace Mtcopy.Core.Tests.Report;

public sealed class ThroughputViewTests
{
    private static readonly ThroughputRow Curve = new("thp", 2.0, [1.0, 2.0, 3.0, 4.0, null, 4.5, 4.75, 5.0]);

    [Fact]
    public void The_on_series_is_a_curve_over_the_measured_thread_counts_left_to_right()
    {
        ThroughputChart chart = ThroughputView.Chart(Curve);

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], chart.ThreadTicks.Select(t => t.Label));
        ChartSeries on = chart.Series[0];
        Assert.Equal([1, 2, 3, 4, 6, 7, 8], on.Points.Select(p => p.Threads));
        Assert.Equal(["on_t1", "on_t2", "on_t3", "on_t4", "on_t6", "on_t7", "on_t8"], on.Points.Select(p => p.Mode));
        double[] xs = [.. on.Points.Select(p => double.Parse(p.X, CultureInfo.InvariantCulture))];
        Assert.Equal(xs.Order(), xs);
        Assert.All(xs, x => Assert.InRange(x, ThroughputView.PlotLeft, ThroughputView.PlotRight));
        Assert.Equal(string.Join(' ', on.Points.Select(p => p.X + "," + p.Y)), on.Polyline);
        Assert.Equal("5", on.Points[^1].Value);
        Assert.Equal("5 GB/s", on.Points[^1].Label);
        ChartPoint off = Assert.Single(chart.Series[1].Points);
        Assert.Equal(("off", 1), (off.Mode, off.Threads));
        Assert.Equal(off.Y, chart.Series[1].ReferenceY);
    }

    [Fact]
    public void The_table_has_off_and_every_thread_count_and_says_which_was_not_measured()
    {
        ThroughputChart chart = ThroughputView.Chart(Curve);

        Assert.Equal(["1 (kernel)", "1", "2", "3", "4", "5", "6", "7", "8"], chart.Table.Select(r => r.Threads));
        Assert.Equal("not measured", chart.Table[5].Gbps);
        Assert.Equal("5 GB/s", chart.Table[^1].Gbps);
        Assert.True(chart.ValueMax >= 5.0);
    }

    [Fact]
    public void Bench_json_has_a_key_per_thread_count_and_reads_back_the_same_rows()
    {
        var report = new BenchReport(new BenchMachine(DateTimeOffset.UnixEpoch, 2, 2, "6.12.117", "smoke"))
        {
            Guest = new GuestThroughput([Curve, new ThroughputRow("4k", null, [0.25])], 7) { Missing = ["thp on_t5", "4k off"] },
        };

        string json = BenchJson.Serialize(report);
        JsonObject row = JsonNode.Parse(json)!["guest"]!["rows"]![0]!.AsObject();
        GuestThroughput back = BenchGuestJson.Parse(json)!;

        Assert.Equal(1.0, row["on_t1"]!.GetValue<double>());
        Assert.Null(row["on_t5"]);
        Assert.True(row.ContainsKey("on_t5"));
        Assert.Equal(2.5, row["ratio_on_t8_off"]!.GetValue<double>());
        Assert.Equal(7, back.Repetitions);
        Assert.Equal(["thp on_t5", "4k off"], back.Missing);
        Assert.Equal(Curve, back.Rows[0]);
        Assert.Equal(0.25, back.Rows[1].OnAt(1));
        Assert.Null(back.Rows[1].OnAt(8));
        Assert.Equal(8, back.Rows[1].On.Count);
    }

    [Fact]
    public void A_row_without_the_newer_thread_keys_reads_them_as_not_measured()
    {
        const string json = """
            {"guest": {"repetitions": 5, "unit": "GB/s", "missing": [], "rows": [{"kind": "4k", "off": 0.2, "on_t1": 0.1, "on_t2": 0.3}]}}
            """;

        ThroughputRow row = Assert.Single(BenchGuestJson.Parse(json)!.Rows);

        Assert.Equal([0.1, 0.3, null, null, null, null, null, null], row.On);
        Assert.Equal((1, 0.5), row.WorstRatio);
    }
}
