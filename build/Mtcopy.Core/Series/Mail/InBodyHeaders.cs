namespace Mtcopy.Core.Series.Mail;

/// <summary>The <c>From:</c>/<c>Date:</c>/<c>Subject:</c> lines at the top of a mail body.</summary>
internal sealed record InBodyHeaders(string? From, string? Date, string? Subject);
