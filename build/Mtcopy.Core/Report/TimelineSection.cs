namespace Mtcopy.Core.Report;

/// <summary>
/// The stages as horizontal bars to scale: each stage starts where the one before it ended (the stages of
/// a run are separate processes run one after another), its width its share of the summed durations.
/// </summary>
public sealed record TimelineSection(bool Present, string Absent, string Total, IReadOnlyList<TimelineBar> Bars, IReadOnlyList<TimelineTick> Ticks);

/// <summary>One stage: name, outcome, duration, and its bar's left edge and width in percent of the axis.</summary>
public sealed record TimelineBar(string Name, ReportBadge Badge, string Duration, string Left, string Width, string Message);

/// <summary>An axis label at <see cref="Left"/> percent.</summary>
public sealed record TimelineTick(string Label, string Left);
