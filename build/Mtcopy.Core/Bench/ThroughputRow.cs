namespace Mtcopy.Core.Bench;

/// <summary>
/// GB/s to move one kind of page between the guest's NUMA nodes: with offloading off (the kernel's
/// own copy), and offloaded to mtcopy with 1 to <see cref="MaxThreads"/> threads; null where the guest
/// gave no number.
/// </summary>
/// <param name="On">Offloading on, indexed by threads - 1: <c>On[0]</c> is on_t1, <c>On[7]</c> on_t8. Shorter lists mean the rest were not measured.</param>
public sealed record ThroughputRow(string Kind, double? Off, IReadOnlyList<double?> On)
{
    /// <summary>The thread counts the guest measures with offloading on: 1..MaxThreads.</summary>
    public const int MaxThreads = 8;

    /// <summary>1, 2, ..., <see cref="MaxThreads"/>.</summary>
    public static IReadOnlyList<int> ThreadCounts { get; } = [.. Enumerable.Range(1, MaxThreads)];

    /// <summary>The guest's name for offloading on with <paramref name="threads"/> threads: on_t1 .. on_t8.</summary>
    public static string OnMode(int threads) => $"on_t{threads}";

    /// <summary>What the kind means, for people: "4 KiB pages", "2 MiB THP".</summary>
    public string Label => Kind switch
    {
        "4k" => "4 KiB pages",
        "thp" => "2 MiB THP",
        _ => Kind,
    };

    /// <summary>GB/s with offloading on and <paramref name="threads"/> threads (1-based), null when not measured.</summary>
    public double? OnAt(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        return threads <= On.Count ? On[threads - 1] : null;
    }

    /// <summary>on with <paramref name="threads"/> threads / off: above 1 the offloaded copy is faster.</summary>
    public double? Ratio(int threads) => BenchMath.Ratio(OnAt(threads), Off);

    /// <summary>The lowest on_tN/off over the measured thread counts and its N (the fewer threads on a tie); null when no ratio is known.</summary>
    public (int Threads, double Ratio)? WorstRatio
    {
        get
        {
            (int Threads, double Ratio)? worst = null;
            foreach (int threads in ThreadCounts)
            {
                if (Ratio(threads) is { } ratio && (worst is null || ratio < worst.Value.Ratio))
                {
                    worst = (threads, ratio);
                }
            }

            return worst;
        }
    }

    /// <summary>Value equality over the thread list too (a record compares lists by reference).</summary>
    public bool Equals(ThroughputRow? other) =>
        other is not null && Kind == other.Kind && Off == other.Off && On.SequenceEqual(other.On);

    public override int GetHashCode() => HashCode.Combine(Kind, Off, On.Count);
}
