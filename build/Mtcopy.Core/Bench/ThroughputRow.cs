namespace Mtcopy.Core.Bench;

/// <summary>
/// GB/s to move one kind of page between the guest's NUMA nodes at one thread count: offloading off
/// (the kernel's own copy; the threads knob set but unused) and on (mtcopy with that many threads),
/// measured back to back in the same boot; null where the guest gave no number.
/// </summary>
public sealed record ThroughputRow(string Kind, int Threads, double? Off, double? On)
{
    /// <summary>How much slower on may be than off before the point is flagged: 5%.</summary>
    public const double SlowerTolerance = 0.05;

    /// <summary>What the kind means, for people: "4 KiB pages", "2 MiB THP".</summary>
    public string Label => Kind switch
    {
        "4k" => "4 KiB pages",
        "thp" => "2 MiB THP",
        _ => Kind,
    };

    /// <summary>on / off: above 1 the offloaded copy is faster.</summary>
    public double? Ratio => BenchMath.Ratio(On, Off);

    /// <summary>On is slower than off by more than <see cref="SlowerTolerance"/>.</summary>
    public bool Slower => Ratio is { } r && r < 1 - SlowerTolerance;
}
