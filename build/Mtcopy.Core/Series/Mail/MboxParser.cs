using System.Globalization;
using System.Text;
using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Series.Mail;

/// <summary>
/// Reads <c>git format-patch</c> output (one mail, or several in one mbox) into
/// <see cref="PatchMail"/> records that carry what <c>git am</c> would record: same author,
/// date, commit message and diff. Pure: text in, records out.
/// </summary>
public static class MboxParser
{
    /// <summary>Parses mbox bytes, decoded as UTF-8 (what <c>git format-patch</c> writes).</summary>
    public static IReadOnlyList<PatchMail> Parse(byte[] mbox, string sourceName, DateTimeOffset? fallbackDate = null)
    {
        ArgumentNullException.ThrowIfNull(mbox);
        return Parse(Encoding.UTF8.GetString(mbox), sourceName, fallbackDate);
    }

    /// <summary>
    /// Parses every message of an mbox (CRLF or LF). <paramref name="sourceName"/> names the
    /// input in errors and in <see cref="PatchMail.SourceName"/> (suffixed <c>#n</c> when the
    /// mbox holds several mails). <paramref name="fallbackDate"/> is used for a mail without a
    /// readable <c>Date:</c>; without it such a mail is an error.
    /// </summary>
    public static IReadOnlyList<PatchMail> Parse(string mbox, string sourceName, DateTimeOffset? fallbackDate = null)
    {
        ArgumentNullException.ThrowIfNull(mbox);
        ArgumentNullException.ThrowIfNull(sourceName);
        var messages = MboxSplitter.Split(TextLines.NormalizeNewlines(mbox.TrimStart('\uFEFF')));
        if (messages.Count == 0)
        {
            throw new PatchFormatException($"{sourceName}: the file is empty; expected git format-patch output.");
        }

        var result = new List<PatchMail>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            var name = messages.Count == 1
                ? sourceName
                : string.Create(CultureInfo.InvariantCulture, $"{sourceName}#{i + 1}");
            result.Add(ParseMessage(messages[i], name, fallbackDate));
        }

        return result;
    }

    /// <summary>Parses one mail (LF line endings, optional leading mbox <c>From </c> line).</summary>
    internal static PatchMail ParseMessage(string message, string sourceName, DateTimeOffset? fallbackDate)
    {
        var raw = MailHeaderParser.Parse(message);
        var body = MailBody.Split(MailBodyDecoder.Decode(raw, sourceName));
        var diff = DiffExtractor.Extract(body.Patch);
        var hasPatch = body.Patch.Length > 0;

        // Like git mailinfo, in-body headers only count for mails that carry a patch.
        var fromText = (hasPatch ? body.Headers.From : null) ?? Decoded(raw.Last("From"));
        var dateText = (hasPatch ? body.Headers.Date : null) ?? Decoded(raw.Last("Date"));
        var rawSubject = (hasPatch ? body.Headers.Subject : null) ?? Decoded(raw.Last("Subject")) ?? string.Empty;

        if (fromText is null || !MailAuthor.TryParse(fromText, out var authorName, out var authorEmail))
        {
            throw new PatchFormatException(
                $"{sourceName}: no author e-mail address (a 'From: Name <address>' header); " +
                "export the commit with 'git format-patch' or add the header.");
        }

        var subject = MailSubject.Clean(HeaderText.CollapseSpace(rawSubject));
        var log = diff.Length == 0 ? WithoutSignature(body.LogMessage) : body.LogMessage;
        return new PatchMail
        {
            AuthorName = authorName,
            AuthorEmail = authorEmail,
            Date = DateOf(dateText, fallbackDate, sourceName),
            Subject = subject,
            Message = GitStripSpace.Apply(subject + "\n\n" + log),
            Diff = diff,
            IsCoverLetter = diff.Length == 0 && MailSubject.IsNumberedZero(HeaderText.CollapseSpace(rawSubject)),
            SourceName = sourceName,
        };
    }

    private static string? Decoded(string? header) => header is null ? null : HeaderText.Decode(header);

    private static DateTimeOffset DateOf(string? text, DateTimeOffset? fallback, string sourceName)
    {
        if (MailDate.TryParse(text, out var date))
        {
            return date;
        }

        return fallback ?? throw new PatchFormatException(text is null
            ? $"{sourceName}: the mail has no 'Date:' header; add one (RFC 2822, as git format-patch writes it)."
            : $"{sourceName}: cannot read the date '{text}'; use RFC 2822 (Tue, 5 Mar 2024 10:11:12 +0100) or ISO 8601.");
    }

    /// <summary>Drops a trailing <c>-- </c> signature block (cover letters have no patch break).</summary>
    private static string WithoutSignature(string log)
    {
        var lines = TextLines.SplitKeepingNewlines(log);
        var cut = lines.FindLastIndex(l => TextLines.Content(l) == "-- ");
        return cut < 0 ? log : string.Concat(lines.Take(cut));
    }
}
