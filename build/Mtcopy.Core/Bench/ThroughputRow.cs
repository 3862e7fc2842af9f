namespace Mtcopy.Core.Bench;

/// <summary>
/// GB/s to move one kind of page between the guest's NUMA nodes: with offloading off (the kernel's
/// own copy), and offloaded to mtcopy with 1 and with 2 threads; null where the guest gave no number.
/// </summary>
public sealed record ThroughputRow(string Kind, double? Off, double? OnThreads1, double? OnThreads2)
{
    /// <summary>What the kind means, for people: "4 KiB pages", "2 MiB THP".</summary>
    public string Label => Kind switch
    {
        "4k" => "4 KiB pages",
        "thp" => "2 MiB THP",
        _ => Kind,
    };

    /// <summary>on, 1 thread / off: above 1 the offloaded copy is faster.</summary>
    public double? RatioThreads1 => BenchMath.Ratio(OnThreads1, Off);

    /// <summary>on, 2 threads / off.</summary>
    public double? RatioThreads2 => BenchMath.Ratio(OnThreads2, Off);
}
