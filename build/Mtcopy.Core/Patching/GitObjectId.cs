namespace Mtcopy.Core.Patching;

/// <summary>Helpers for the (often abbreviated) blob ids of "index" lines.</summary>
public static class GitObjectId
{
    /// <summary>True when <paramref name="text"/> is non-empty lowercase or uppercase hex.</summary>
    public static bool IsHex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text.All(char.IsAsciiHexDigit);
    }
}
