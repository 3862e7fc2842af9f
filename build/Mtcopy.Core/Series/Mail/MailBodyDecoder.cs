using System.Text;
using MimeKit;
using MimeKit.Encodings;
using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Series.Mail;

/// <summary>
/// Undoes the Content-Transfer-Encoding of a single-part text mail (quoted-printable, base64)
/// and converts it from its charset. 7bit/8bit bodies are returned as they are: their text was
/// already decoded from UTF-8, the charset <c>git format-patch</c> writes.
/// </summary>
internal static class MailBodyDecoder
{
    public static string Decode(RawMail mail, string sourceName)
    {
        var contentType = ParseContentType(mail.Last("Content-Type"), sourceName);
        if (contentType is not null &&
            contentType.MediaType.Equals("multipart", StringComparison.OrdinalIgnoreCase))
        {
            throw new PatchFormatException(
                $"{sourceName}: multipart mails (patches sent as attachments) are not supported; " +
                "export the commits with 'git format-patch' without --attach/--inline.");
        }

        var transfer = (mail.Last("Content-Transfer-Encoding") ?? string.Empty).Trim();
        IMimeDecoder? decoder = transfer.ToUpperInvariant() switch
        {
            "QUOTED-PRINTABLE" => new QuotedPrintableDecoder(),
            "BASE64" => new Base64Decoder(),
            _ => null,
        };
        if (decoder is null)
        {
            return mail.Body;
        }

        var input = Encoding.Latin1.GetBytes(mail.Body);
        var output = new byte[decoder.EstimateOutputLength(input.Length)];
        var length = decoder.Decode(input, 0, input.Length, output);
        var text = CharsetOf(contentType, sourceName).GetString(output, 0, length);
        return TextLines.NormalizeNewlines(text);
    }

    private static ContentType? ParseContentType(string? value, string sourceName)
    {
        if (value is null)
        {
            return null;
        }

        return ContentType.TryParse(value, out var type)
            ? type
            : throw new PatchFormatException($"{sourceName}: cannot parse 'Content-Type: {value}'.");
    }

    private static Encoding CharsetOf(ContentType? type, string sourceName)
    {
        if (type?.Charset is not { Length: > 0 } charset)
        {
            return Encoding.UTF8;
        }

        if (type.CharsetEncoding is { } known)
        {
            return known;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException e)
        {
            throw new PatchFormatException(
                $"{sourceName}: the mail body uses charset '{charset}', which is not supported; " +
                "re-export it as UTF-8 (git format-patch does so by default).", e);
        }
    }
}
