using Mtcopy.Core.Bench;

namespace Mtcopy.Adapters.Bench;

/// <summary>The throughput table of one bench boot, whether the guest's own checks passed, and where its files are.</summary>
public sealed record GuestBenchResult(GuestThroughput Throughput, bool GuestPassed, string GuestSummary, string KtapPath, string ConsolePath);
