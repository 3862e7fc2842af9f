using System.Text;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// <c>sha256sum</c>/<c>md5sum</c>-style checksum lists: one <c>hash  name</c> line per file,
/// sorted by name (ordinal), '\n' line ends; <c>sha256sum -c</c> and dpkg's md5sums read them.
/// </summary>
public static class ChecksumFile
{
    public const string Sha256SumsFileName = "SHA256SUMS";

    /// <param name="hashes">File name (or path) to lower-case hex hash.</param>
    public static string Format(IEnumerable<KeyValuePair<string, string>> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var text = new StringBuilder();
        foreach ((string name, string hash) in hashes.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (name.Contains('\n', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Length == 0)
            {
                throw new ArgumentException($"'{name}' cannot be listed in a checksum file.", nameof(hashes));
            }

            text.Append(hash).Append("  ").Append(name).Append('\n');
        }

        return text.ToString();
    }
}
