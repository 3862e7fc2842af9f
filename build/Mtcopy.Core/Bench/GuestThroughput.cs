namespace Mtcopy.Core.Bench;

/// <summary>
/// The in-guest throughput table: one row per page kind, each number the median of
/// <see cref="Repetitions"/> moves in the same boot (the guest takes the median itself).
/// </summary>
public sealed record GuestThroughput(IReadOnlyList<ThroughputRow> Rows, int Repetitions)
{
    /// <summary>An on_tN/off ratio at or above this is "within 5%" of the kernel's own copy.</summary>
    public const double WithinFivePercent = 0.95;

    /// <summary>The guest's page kinds and modes, as tests/guest/mtcopy-test.c measures them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["4k", "thp"];

    /// <summary>off, then on_t1 .. on_t8.</summary>
    public static IReadOnlyList<string> Modes { get; } = ["off", .. ThroughputRow.ThreadCounts.Select(ThroughputRow.OnMode)];

    /// <summary>Measurements the guest should have printed and did not, or printed as nan/inf/0 (a failed move), e.g. "thp on_t5".</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>Builds the table from the parsed lines: the known kinds first, then any other kind the guest printed.</summary>
    public static GuestThroughput From(GuestBenchLog log, int repetitions)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var kinds = Kinds.Concat(log.Samples.Select(s => s.Kind)).Distinct(StringComparer.Ordinal).ToList();
        var rows = new List<ThroughputRow>();
        var missing = new List<string>();
        foreach (string kind in kinds)
        {
            double?[] values = [.. Modes.Select(mode => Usable(log, kind, mode))];
            missing.AddRange(Modes.Where((mode, i) => values[i] is null).Select(mode => $"{kind} {mode}"));
            rows.Add(new ThroughputRow(kind, values[0], values[1..]));
        }

        return new GuestThroughput(rows, repetitions) { Missing = missing };
    }

    /// <summary>
    /// Per kind, the lowest on_tN/off and whether it is within 5% (at least <see cref="WithinFivePercent"/>), e.g.
    /// "4 KiB pages: lowest on_t3/off 0.91x, not within 5%"; a fact for people, not a pass or fail.
    /// </summary>
    public IReadOnlyList<string> Verdicts() =>
        [.. Rows.Select(r => r.WorstRatio is { } w
            ? $"{r.Label}: lowest on_t{w.Threads}/off {BenchFormat.Ratio(w.Ratio)}, {(w.Ratio >= WithinFivePercent ? "within 5%" : "not within 5%")}"
            : $"{r.Label}: no on_tN/off ratio")];

    // The guest prints 0 for a mode whose moves failed or corrupted data.
    private static double? Usable(GuestBenchLog log, string kind, string mode) =>
        log.Samples.FirstOrDefault(s => s.Kind == kind && s.Mode == mode) is { } sample
            && double.IsFinite(sample.GigabytesPerSecond) && sample.GigabytesPerSecond > 0
            ? sample.GigabytesPerSecond
            : null;
}
