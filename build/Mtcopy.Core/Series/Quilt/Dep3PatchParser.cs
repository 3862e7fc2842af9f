using System.Text;
using Mtcopy.Core.Series.Mail;

namespace Mtcopy.Core.Series.Quilt;

/// <summary>
/// Reads a patch whose header follows DEP-3 (Debian/Fedora style) into a
/// <see cref="PatchMail"/>:
/// <list type="bullet">
/// <item>author from <c>Author:</c> or <c>From:</c>; missing: <see cref="UnknownAuthorName"/>
/// &lt;<see cref="UnknownAuthorEmail"/>&gt;; a name without address gets the unknown address;</item>
/// <item>date from <c>Date:</c>, else <c>Last-Update:</c> (midnight UTC), else the fallback;</item>
/// <item>subject from the first line of <c>Description:</c>/<c>Subject:</c>, else the first
/// free-form line, else the file name without <c>.patch</c>/<c>.diff</c>;</item>
/// <item>message: subject, the long description, free-form paragraphs, then every other field
/// (<c>Origin:</c>, <c>Bug:</c>, <c>Forwarded:</c>, ...) as a trailer line.</item>
/// </list>
/// </summary>
public static class Dep3PatchParser
{
    public const string UnknownAuthorName = "Unknown";
    public const string UnknownAuthorEmail = "unknown@localhost";

    private static readonly string[] MappedFields = ["Description", "Subject", "Author", "From", "Date"];

    public static PatchMail Parse(string text, string sourceName, DateTimeOffset fallbackDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var normalized = TextLines.NormalizeNewlines(text);
        var header = Dep3Header.Parse(TextLines.SplitKeepingNewlines(normalized));
        var (name, email) = AuthorOf(header.First("Author", "From"));
        var (subject, body) = SubjectAndBody(header, sourceName);

        var message = new StringBuilder().Append(subject).Append("\n\n");
        foreach (var line in body)
        {
            message.Append(line).Append('\n');
        }

        message.Append('\n');
        foreach (var field in header.Fields.Where(f => !MappedFields.Any(f.Is)))
        {
            message.Append(field.Name).Append(": ").Append(field.OneLine).Append('\n');
        }

        return new PatchMail
        {
            AuthorName = name,
            AuthorEmail = email,
            Date = DateOf(header, fallbackDate),
            Subject = subject,
            Message = GitStripSpace.Apply(message.ToString()),
            Diff = DiffExtractor.Extract(normalized),
            IsCoverLetter = false,
            SourceName = sourceName,
        };
    }

    private static (string Name, string Email) AuthorOf(Dep3Field? field)
    {
        if (field is null || field.OneLine.Length == 0)
        {
            return (UnknownAuthorName, UnknownAuthorEmail);
        }

        return MailAuthor.TryParse(field.OneLine, out var name, out var email)
            ? (name, email)
            : (HeaderText.CollapseSpace(field.OneLine), UnknownAuthorEmail);
    }

    private static (string Subject, List<string> Body) SubjectAndBody(Dep3Header header, string sourceName)
    {
        var body = new List<string>();
        string subject;
        if (header.First("Description", "Subject") is { } description)
        {
            subject = description.Is("Subject") ? MailSubject.Clean(description.FirstLine) : description.FirstLine;
            body.AddRange(description.Continuation);
            body.Add(string.Empty);
            body.AddRange(header.FreeText);
        }
        else if (header.FreeText.Count > 0)
        {
            subject = header.FreeText[0];
            body.AddRange(header.FreeText.Skip(1));
        }
        else
        {
            subject = FileStem(sourceName);
        }

        return (HeaderText.CollapseSpace(subject.Trim()), body);
    }

    private static string FileStem(string sourceName)
    {
        var name = sourceName[(sourceName.LastIndexOf('/') + 1)..];
        foreach (var extension in new[] { ".patch", ".diff" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^extension.Length];
            }
        }

        return name;
    }

    private static DateTimeOffset DateOf(Dep3Header header, DateTimeOffset fallbackDate)
    {
        if (MailDate.TryParse(header.First("Date")?.OneLine, out var date) ||
            MailDate.TryParse(header.First("Last-Update")?.OneLine, out date))
        {
            return date;
        }

        return fallbackDate;
    }
}
