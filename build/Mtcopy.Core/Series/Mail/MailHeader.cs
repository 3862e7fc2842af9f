namespace Mtcopy.Core.Series.Mail;

/// <summary>One unfolded, not yet decoded, mail header.</summary>
internal sealed record MailHeader(string Name, string Value)
{
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}
