using System.Globalization;
using Mtcopy.Core.Bench;

namespace Mtcopy.Core.Report;

/// <summary>
/// Charts of bench.json's guest throughput: per page kind, GB/s against mtcopy's threads, offloading on
/// (1 to 8 threads, a line: the curve) and off (the kernel's own copy: one point at 1 thread and a dashed line across).
/// </summary>
public static class ThroughputView
{
    /// <summary>Wide enough for eight thread counts with a label each.</summary>
    public const int Width = 620;
    public const int Height = 280;
    public const int PlotLeft = 64;
    public const int PlotTop = 24;
    public const int PlotRight = Width - 24;
    public const int PlotBottom = Height - 52;

    /// <summary>The x axis spans threads 0.5 to 8.5, so the measured 1 .. 8 sit inside the plot.</summary>
    private const double ThreadsMin = 0.5;
    private const double ThreadsMax = ThroughputRow.MaxThreads + 0.5;

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
            [.. throughput.Rows.Select(Chart)], throughput.Missing);
    }

    public static ThroughputChart Chart(ThroughputRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        double top = row.On.Prepend(row.Off).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        double step = NiceStep(top / 4);
        double yMax = step * Math.Max(1, Math.Ceiling(top / step));
        var yTicks = new List<ChartTick>();
        int count = (int)Math.Round(yMax / step);
        for (int i = 0; i <= count; i++)
        {
            double v = i * step;
            yTicks.Add(new ChartTick(Label(v, step), ReportFormat.Number(Y(v, yMax))));
        }

        IReadOnlyList<ChartTick> xTicks = [.. ThroughputRow.ThreadCounts.Select(t => new ChartTick(ReportFormat.Integer(t), ReportFormat.Number(X(t))))];
        var on = new List<ChartPoint>();
        foreach (int threads in ThroughputRow.ThreadCounts)
        {
            Add(on, ThroughputRow.OnMode(threads), threads, row.OnAt(threads), yMax);
        }

        var off = new List<ChartPoint>();
        Add(off, "off", 1, row.Off, yMax);
        IReadOnlyList<ChartSeries> series =
        [
            new("offloading on (mtcopy)", "series-on", "circle", string.Join(' ', on.Select(p => p.X + "," + p.Y)), "", on),
            new("offloading off (kernel copy)", "series-off", "square", "", off.Count == 0 ? "" : off[0].Y, off),
        ];
        IReadOnlyList<ThroughputTableRow> table =
        [
            new("off", "1 (kernel)", Value(row.Off)),
            .. ThroughputRow.ThreadCounts.Select(t => new ThroughputTableRow("on", ReportFormat.Integer(t), Value(row.OnAt(t)))),
        ];
        return new ThroughputChart(row.Kind, row.Label, Width, Height, PlotLeft, PlotTop, PlotRight, PlotBottom, yMax, xTicks, yTicks, series, table);
    }

    /// <summary>The GB/s a y coordinate of a chart stands for: the inverse of where points are drawn.</summary>
    public static double ValueAt(double y, double yMax) => (PlotBottom - y) / (PlotBottom - PlotTop) * yMax;

    private static void Add(List<ChartPoint> points, string mode, int threads, double? gbps, double yMax)
    {
        if (gbps is { } v)
        {
            points.Add(new ChartPoint(mode, threads, ReportFormat.Exact(v), ReportFormat.Number(X(threads)), ReportFormat.Number(Y(v, yMax)),
                string.Create(CultureInfo.InvariantCulture, $"{v:0.###} GB/s"), string.Create(CultureInfo.InvariantCulture, $"{v:0.###}")));
        }
    }

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
