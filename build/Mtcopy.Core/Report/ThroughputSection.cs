namespace Mtcopy.Core.Report;

/// <summary>The guest's throughput from Bench: one chart per page kind, and the same numbers as a table.</summary>
public sealed record ThroughputSection(bool Present, string Absent, string Repetitions, IReadOnlyList<ThroughputChart> Charts, IReadOnlyList<string> Missing);
