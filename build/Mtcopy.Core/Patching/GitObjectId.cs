using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mtcopy.Core.Patching;

/// <summary>Blob ids as git computes them, and helpers for abbreviated ids from "index" lines.</summary>
public static class GitObjectId
{
    /// <summary>Length of a full SHA-1 id in hex.</summary>
    public const int Sha1HexLength = 40;

    /// <summary>Length of a full SHA-256 id in hex.</summary>
    public const int Sha256HexLength = 64;

    /// <summary>The blob id of <paramref name="content"/>: SHA-1 (or SHA-256 when <paramref name="hexLength"/> is 64) of "blob &lt;size&gt;\0" + content.</summary>
    public static string ForBlob(ReadOnlySpan<byte> content, int hexLength = Sha1HexLength)
    {
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"blob {content.Length}\0"));
        using var hash = IncrementalHash.CreateHash(hexLength == Sha256HexLength ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1);
        hash.AppendData(header);
        hash.AppendData(content);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>True for a full (unabbreviated) hex id.</summary>
    public static bool IsFull(string? id) =>
        id is not null && (id.Length == Sha1HexLength || id.Length == Sha256HexLength) && IsHex(id);

    /// <summary>True for an id made only of zeros (the "no object" id of added/deleted files).</summary>
    public static bool IsNull(string? id) => id is not null && id.Length > 0 && id.All(c => c == '0');

    /// <summary>True when <paramref name="text"/> is non-empty lowercase or uppercase hex.</summary>
    public static bool IsHex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text.All(char.IsAsciiHexDigit);
    }
}
