using System.Globalization;
using MimeKit.Utils;

namespace Mtcopy.Core.Series.Mail;

/// <summary>Parses the dates found in patch headers, keeping their UTC offset.</summary>
internal static class MailDate
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd HH:mm:ss zzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
    ];

    /// <summary>
    /// RFC 2822 (<c>Tue, 5 Mar 2024 10:11:12 +0100</c>, what git writes), ISO 8601 with an
    /// offset, or a plain <c>yyyy-MM-dd</c> date (taken as midnight UTC, as in DEP-3
    /// <c>Last-Update</c>).
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        if (DateTimeOffset.TryParseExact(value, IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out date))
        {
            return true;
        }

        if (DateTimeOffset.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out date))
        {
            return true;
        }

        return DateUtils.TryParse(value, out date);
    }
}
