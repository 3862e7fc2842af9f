namespace Mtcopy.Core.Bench;

/// <summary>
/// One throughput line of the guest's benchmark (<c># bench 4k on_t2 0.127 GB/s</c>): the page kind
/// (<c>4k</c> or <c>thp</c>), the mode (<c>off_tN</c> or <c>on_tN</c>, N threads) and the median GB/s of
/// the repetitions in that boot.
/// </summary>
public sealed record GuestBenchSample(string Kind, string Mode, double GigabytesPerSecond);
