namespace Mtcopy.Core.Report;

/// <summary>
/// An SVG line chart of GB/s against mtcopy's threads for one page kind, in SVG user units: the plot area
/// spans <see cref="PlotLeft"/>..<see cref="PlotRight"/> and <see cref="PlotTop"/>..<see cref="PlotBottom"/>, and
/// the y axis runs from 0 at the bottom to <see cref="ValueMax"/> GB/s at the top.
/// </summary>
public sealed record ThroughputChart(
    string Kind,
    string Title,
    int Width,
    int Height,
    int PlotLeft,
    int PlotTop,
    int PlotRight,
    int PlotBottom,
    double ValueMax,
    IReadOnlyList<ChartTick> ThreadTicks,
    IReadOnlyList<ChartTick> ValueTicks,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ThroughputTableRow> Table);

/// <summary>An axis tick: its label and its position along the axis (x for the x axis, y for the y axis).</summary>
public sealed record ChartTick(string Label, string At);

/// <summary>
/// One line: offloading on (a solid line with round markers) or off (the kernel's own copy: a dashed line with
/// square markers), one point per thread count.
/// </summary>
public sealed record ChartSeries(string Name, string Css, string Shape, string Polyline, IReadOnlyList<ChartPoint> Points);

/// <summary>A measured point: threads and GB/s as measured, and where it is drawn.</summary>
/// <param name="Mode">off_t1..off_t8 or on_t1..on_t8, as the guest names the measurement.</param>
/// <param name="Threads">mtcopy's threads knob during the measurement.</param>
/// <param name="Gbps">GB/s exactly as bench.json has it, formatted round-trip.</param>
/// <param name="X">Centre x.</param>
/// <param name="Y">Centre y.</param>
/// <param name="Label">The value for people, e.g. "0.127 GB/s".</param>
public sealed record ChartPoint(string Mode, int Threads, string Gbps, string X, string Y, string Label);

/// <summary>The chart's numbers as a table row (one per thread count): a reader without the picture gets the same data.</summary>
/// <param name="Slower">On is more than 5% slower than off at this thread count.</param>
public sealed record ThroughputTableRow(string Threads, string Off, string On, string Ratio, bool Slower);
