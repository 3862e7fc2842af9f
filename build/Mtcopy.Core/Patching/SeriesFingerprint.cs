using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mtcopy.Core.Patching;

/// <summary>A hash of a whole series, so a resumed run can tell it was handed the same patches.</summary>
public static class SeriesFingerprint
{
    /// <summary>SHA-256 (hex) over every field of every patch, in order.</summary>
    public static string Compute(IReadOnlyList<PatchInput> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var p in series)
        {
            foreach (var field in new[] { p.Name, p.DiffText, p.AuthorName, p.AuthorEmail, p.Date.ToString("O", CultureInfo.InvariantCulture), p.Message })
            {
                var bytes = Encoding.UTF8.GetBytes(field);
                hash.AppendData(BitConverter.GetBytes(bytes.Length));
                hash.AppendData(bytes);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
