namespace Mtcopy.Core.Bench;

/// <summary>A ratio the guest printed itself (<c># bench 4k ratio on_t1/off 0.62 ...</c>), kept to cross-check ours.</summary>
public sealed record GuestBenchRatio(string Kind, string Mode, double Ratio);
