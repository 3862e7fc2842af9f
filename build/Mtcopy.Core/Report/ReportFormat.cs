using System.Globalization;

namespace Mtcopy.Core.Report;

/// <summary>Numbers and times as the page writes them: invariant culture, short, stable.</summary>
internal static class ReportFormat
{
    /// <summary>A coordinate or a percentage with at most two decimals.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A measured value as written (round-trip), e.g. 0.1274.</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Short(string? id) => id is null ? "" : id[..Math.Min(12, id.Length)];
}
