using System.Security.Cryptography;
using System.Text;

namespace Mtcopy.Core.Results;

/// <summary>SHA-256 as lower-case hex, over bytes, UTF-8 text or a stream the caller hands in.</summary>
public static class ContentHash
{
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Sha256(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Sha256(Encoding.UTF8.GetBytes(text));
    }

    public static string Sha256(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>True for 64 lower-case hex digits.</summary>
    public static bool IsSha256(string? value) =>
        value is { Length: 64 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
