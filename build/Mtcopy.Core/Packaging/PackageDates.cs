using System.Globalization;

namespace Mtcopy.Core.Packaging;

/// <summary>The dates packages carry, all from SOURCE_DATE_EPOCH in UTC.</summary>
internal static class PackageDates
{
    /// <summary>Debian changelog date (RFC 2822).</summary>
    public static string Debian(long sourceDateEpoch) =>
        Of(sourceDateEpoch).ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture);

    /// <summary>RPM %changelog date.</summary>
    public static string Rpm(long sourceDateEpoch) =>
        Of(sourceDateEpoch).ToString("ddd MMM dd yyyy", CultureInfo.InvariantCulture);

    public static int Year(long sourceDateEpoch) => Of(sourceDateEpoch).Year;

    private static DateTimeOffset Of(long sourceDateEpoch) => DateTimeOffset.FromUnixTimeSeconds(sourceDateEpoch);
}
