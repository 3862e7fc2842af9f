using System.Globalization;

namespace Mtcopy.Core.Bench;

/// <summary>How the report writes its numbers: seconds with one decimal, ratios as "1.05x", GB/s with three decimals.</summary>
public static class BenchFormat
{
    public const string Missing = "n/a";

    public static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>"+0.4 s", "-1.2 s".</summary>
    public static string SignedSeconds(double seconds) =>
        (seconds >= 0 ? "+" : "-") + Math.Abs(seconds).ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Ratio(double? ratio) =>
        ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : Missing;

    public static string Throughput(double? gigabytesPerSecond) =>
        gigabytesPerSecond is { } g ? g.ToString("0.000", CultureInfo.InvariantCulture) : Missing;

    /// <summary>Every sample, for the curious: "12.1 / 12.6 s".</summary>
    public static string Samples(IEnumerable<double> seconds) =>
        string.Join(" / ", seconds.Select(s => s.ToString("0.0", CultureInfo.InvariantCulture))) + " s";
}
