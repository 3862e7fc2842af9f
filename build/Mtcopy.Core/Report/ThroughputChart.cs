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
/// One line: offloading on (a solid line with round markers, one point per thread count) or off (the
/// kernel's own copy, one measurement: a square marker and a dashed reference line across the plot).
/// </summary>
public sealed record ChartSeries(string Name, string Css, string Shape, string Polyline, string ReferenceY, IReadOnlyList<ChartPoint> Points);

/// <summary>A measured point: threads and GB/s as measured, and where it is drawn.</summary>
/// <param name="Mode">off or on_t1 .. on_t8, as bench.json names it.</param>
/// <param name="Threads">mtcopy's threads (1 for the kernel's own single-threaded copy).</param>
/// <param name="Gbps">GB/s exactly as bench.json has it, formatted round-trip.</param>
/// <param name="X">Centre x.</param>
/// <param name="Y">Centre y.</param>
/// <param name="Label">The value for people, e.g. "0.127 GB/s".</param>
/// <param name="Value">The value without the unit, e.g. "0.127": what the curve's eight points show next to them, so the labels do not overlap.</param>
public sealed record ChartPoint(string Mode, int Threads, string Gbps, string X, string Y, string Label, string Value);

/// <summary>The chart's numbers as a table row: a reader without the picture gets the same data.</summary>
public sealed record ThroughputTableRow(string Mode, string Threads, string Gbps);
