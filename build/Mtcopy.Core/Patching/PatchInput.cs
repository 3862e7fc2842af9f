namespace Mtcopy.Core.Patching;

/// <summary>
/// One patch of a series as handed to the patch engine: the diff text plus the commit metadata
/// the resulting commit gets (author, author date, message).
/// </summary>
/// <param name="Name">A name for reports, e.g. the file name of the patch or its subject.</param>
/// <param name="DiffText">The diff part (git extended headers or plain unified diff); text before the first header is ignored.</param>
/// <param name="AuthorName">Author name; also used as committer name.</param>
/// <param name="AuthorEmail">Author e-mail; also used as committer e-mail.</param>
/// <param name="Date">Author date; also used as committer date.</param>
/// <param name="Message">Commit message: subject line, blank line, body.</param>
public sealed record PatchInput(
    string Name,
    string DiffText,
    string AuthorName,
    string AuthorEmail,
    DateTimeOffset Date,
    string Message);
