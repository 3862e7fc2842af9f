namespace Mtcopy.Core.Series.Mail;

/// <summary>A message split into its header block and its (still encoded) body.</summary>
internal sealed record RawMail(IReadOnlyList<MailHeader> Headers, string Body)
{
    /// <summary>The last header with this name (git lets later mail headers win).</summary>
    public string? Last(string name) => Headers.LastOrDefault(h => h.Is(name))?.Value;
}
