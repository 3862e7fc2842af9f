namespace Mtcopy.Core.Series;

/// <summary>
/// One patch of a series as <c>git am</c> would record it: author, date, commit message and the
/// diff to apply. Produced by <see cref="Mail.MboxParser"/> (git mails) and
/// <see cref="Quilt.PatchFileParser"/> (git mails or DEP-3 headers).
/// </summary>
public sealed record PatchMail
{
    /// <summary>Author name after RFC 2047 decoding and git's clean-up.</summary>
    public required string AuthorName { get; init; }

    /// <summary>Author e-mail address.</summary>
    public required string AuthorEmail { get; init; }

    /// <summary>Author date, with the offset the mail carried.</summary>
    public required DateTimeOffset Date { get; init; }

    /// <summary>The subject without <c>Re:</c> and <c>[PATCH ...]</c> prefixes, on one line.</summary>
    public required string Subject { get; init; }

    /// <summary>The full commit message (subject, blank line, body), ending in one newline.</summary>
    public required string Message { get; init; }

    /// <summary>
    /// The patch text from the first file header (<c>diff </c>, <c>Index: </c> or a
    /// <c>--- </c>/<c>+++ </c> pair) to the end, LF line endings, without the mail signature.
    /// Empty when the mail carries no diff.
    /// </summary>
    public required string Diff { get; init; }

    /// <summary>
    /// True for the <c>[PATCH 0/N]</c> mail of a series (<c>git format-patch --cover-letter</c>):
    /// a subject prefix numbered 0 and no diff.
    /// </summary>
    public required bool IsCoverLetter { get; init; }

    /// <summary>Where the patch came from, e.g. <c>0001-foo.patch</c> or <c>all.mbox#3</c>.</summary>
    public required string SourceName { get; init; }

    /// <summary>True when <see cref="Diff"/> is not empty.</summary>
    public bool HasDiff => Diff.Length > 0;

    /// <summary>The patch as the applier takes it: named after its source, committed with its author, date and message.</summary>
    public Patching.PatchInput ToPatchInput() => new(SourceName, Diff, AuthorName, AuthorEmail, Date, Message);
}
