namespace Mtcopy.Core.Bench;

/// <summary>What the guest's benchmark printed: its throughput lines and its own ratio lines, in order.</summary>
public sealed record GuestBenchLog(IReadOnlyList<GuestBenchSample> Samples, IReadOnlyList<GuestBenchRatio> ReportedRatios);
