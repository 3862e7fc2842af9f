using System.Globalization;
using Mtcopy.Core.Bench;

namespace Mtcopy.Core.Report;

/// <summary>
/// Charts of bench.json's guest throughput curve: per page kind, GB/s against mtcopy's threads (1 to
/// <see cref="GuestThroughput.MaxThreads"/>), offloading on (mtcopy, solid line, round markers) and off (the kernel's
/// own copy with the same threads knob, dashed line, square markers), measured back to back in one boot.
/// </summary>
public static class ThroughputView
{
    public const int Width = 480;
    public const int Height = 280;
    public const int PlotLeft = 64;
    public const int PlotTop = 24;
    public const int PlotRight = Width - 24;
    public const int PlotBottom = Height - 52;

    /// <summary>The x axis spans half a thread either side, so the first and last measured counts sit inside the plot.</summary>
    private const double ThreadsMin = 0.5;
    private const double ThreadsMax = GuestThroughput.MaxThreads + 0.5;

    public static ThroughputSection Build(bool benchRan, GuestThroughput? throughput)
    {
        if (!benchRan)
        {
            return new ThroughputSection(false, "Bench did not run in this run: ./build.sh --target=Bench measures the guest's GB/s.", "", [], []);
        }

        if (throughput is null)
        {
            return new ThroughputSection(false, "Bench ran without measuring the guest (MTCOPY_BENCH_PARTS), or bench.json is missing.", "", [], []);
        }

        return new ThroughputSection(true, "", ReportFormat.Integer(throughput.Repetitions),
            [.. throughput.Rows.GroupBy(r => r.Kind, StringComparer.Ordinal).Select(g => Chart(g.Key, [.. g]))], throughput.Missing);
    }

    /// <summary>One kind's chart from its rows (one per thread count).</summary>
    public static ThroughputChart Chart(string kind, IReadOnlyList<ThroughputRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        double top = rows.SelectMany(r => new[] { r.Off, r.On }).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        double step = NiceStep(top / 4);
        double yMax = step * Math.Max(1, Math.Ceiling(top / step));
        var yTicks = new List<ChartTick>();
        int count = (int)Math.Round(yMax / step);
        for (int i = 0; i <= count; i++)
        {
            double v = i * step;
            yTicks.Add(new ChartTick(Label(v, step), ReportFormat.Number(Y(v, yMax))));
        }

        IReadOnlyList<ChartTick> xTicks = [.. Enumerable.Range(1, GuestThroughput.MaxThreads)
            .Select(t => new ChartTick(t.ToString(CultureInfo.InvariantCulture), ReportFormat.Number(X(t))))];
        List<ChartPoint> on = [.. rows.SelectMany(r => Point("on", r.Threads, r.On, yMax))];
        List<ChartPoint> off = [.. rows.SelectMany(r => Point("off", r.Threads, r.Off, yMax))];
        IReadOnlyList<ChartSeries> series =
        [
            new("offloading off (kernel copy)", "series-off", "square", Polyline(off), off),
            new("offloading on (mtcopy)", "series-on", "circle", Polyline(on), on),
        ];
        IReadOnlyList<ThroughputTableRow> table = [.. rows.Select(r => new ThroughputTableRow(
            r.Threads.ToString(CultureInfo.InvariantCulture), Value(r.Off), Value(r.On),
            r.Ratio is { } ratio ? string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}") : "not measured",
            r.Slower))];
        string title = rows.Count > 0 ? rows[0].Label : kind;
        return new ThroughputChart(kind, title, Width, Height, PlotLeft, PlotTop, PlotRight, PlotBottom, yMax, xTicks, yTicks, series, table);
    }

    /// <summary>The GB/s a y coordinate of a chart stands for: the inverse of where points are drawn.</summary>
    public static double ValueAt(double y, double yMax) => (PlotBottom - y) / (PlotBottom - PlotTop) * yMax;

    private static IEnumerable<ChartPoint> Point(string offloading, int threads, double? gbps, double yMax)
    {
        if (gbps is { } v)
        {
            yield return new ChartPoint(GuestThroughput.Mode(offloading, threads), threads, ReportFormat.Exact(v),
                ReportFormat.Number(X(threads)), ReportFormat.Number(Y(v, yMax)), string.Create(CultureInfo.InvariantCulture, $"{v:0.###} GB/s"));
        }
    }

    private static string Polyline(IEnumerable<ChartPoint> points) => string.Join(' ', points.Select(p => p.X + "," + p.Y));

    private static double X(double threads) => PlotLeft + (threads - ThreadsMin) / (ThreadsMax - ThreadsMin) * (PlotRight - PlotLeft);

    private static double Y(double gbps, double yMax) => PlotBottom - gbps / yMax * (PlotBottom - PlotTop);

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    private static double NiceStep(double rough)
    {
        if (rough <= 0 || !double.IsFinite(rough))
        {
            return 1;
        }

        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double unit = rough / power;
        return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
    }

    private static string Label(double value, double step)
    {
        int decimals = Math.Max(0, (int)-Math.Floor(Math.Log10(step)));
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string Value(double? gbps) => gbps is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.####} GB/s") : "not measured";
}
