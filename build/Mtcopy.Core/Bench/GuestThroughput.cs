namespace Mtcopy.Core.Bench;

/// <summary>
/// The in-guest throughput curve: one row per page kind and thread count (1 to <see cref="MaxThreads"/>),
/// each number the median of <see cref="Repetitions"/> moves in the same boot (the guest takes the median itself).
/// </summary>
public sealed record GuestThroughput(IReadOnlyList<ThroughputRow> Rows, int Repetitions)
{
    /// <summary>The thread counts the guest measures, as tests/guest/mtcopy-test.c does: 1..8.</summary>
    public const int MaxThreads = 8;

    /// <summary>The guest's page kinds.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["4k", "thp"];

    /// <summary>Measurements the guest should have printed and did not, or printed as nan/inf/0 (a failed move), e.g. "thp on_t2".</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>The points where offloading on is slower than off by more than 5%.</summary>
    public IReadOnlyList<ThroughputRow> SlowerPoints => [.. Rows.Where(r => r.Slower)];

    /// <summary>Builds the curve from the parsed lines: the known kinds first, then any other kind the guest printed.</summary>
    public static GuestThroughput From(GuestBenchLog log, int repetitions)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var kinds = Kinds.Concat(log.Samples.Select(s => s.Kind)).Distinct(StringComparer.Ordinal).ToList();
        var rows = new List<ThroughputRow>();
        var missing = new List<string>();
        foreach (string kind in kinds)
        {
            for (int threads = 1; threads <= MaxThreads; threads++)
            {
                string off = Mode("off", threads), on = Mode("on", threads);
                double? offValue = Usable(log, kind, off), onValue = Usable(log, kind, on);
                missing.AddRange(new[] { (off, offValue), (on, onValue) }.Where(m => m.Item2 is null).Select(m => $"{kind} {m.Item1}"));
                rows.Add(new ThroughputRow(kind, threads, offValue, onValue));
            }
        }

        return new GuestThroughput(rows, repetitions) { Missing = missing };
    }

    /// <summary>The guest's name of a measurement: "off_t3", "on_t3".</summary>
    public static string Mode(string offloading, int threads) =>
        offloading + "_t" + threads.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The guest prints 0 for a mode whose moves failed or corrupted data.
    private static double? Usable(GuestBenchLog log, string kind, string mode) =>
        log.Samples.FirstOrDefault(s => s.Kind == kind && s.Mode == mode) is { } sample
            && double.IsFinite(sample.GigabytesPerSecond) && sample.GigabytesPerSecond > 0
            ? sample.GigabytesPerSecond
            : null;
}
