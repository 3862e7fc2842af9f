namespace Mtcopy.Core.Bench;

/// <summary>A ratio the guest printed itself (<c># bench 4k ratio on_t1/off_t1 0.62 ...</c>); <see cref="Mode"/> is the numerator ("on_t1"), kept to cross-check ours.</summary>
public sealed record GuestBenchRatio(string Kind, string Mode, double Ratio);
