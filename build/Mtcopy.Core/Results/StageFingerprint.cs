using System.Globalization;
using System.Text;

namespace Mtcopy.Core.Results;

/// <summary>
/// The key of a stage run: SHA-256 over the stage name and its named inputs (each a content
/// hash or a short literal such as a tool version or a git tree id). Input order does not
/// matter; names are sorted ordinally and every field is length-prefixed, so the key is stable
/// and no two different input sets encode alike.
/// </summary>
public static class StageFingerprint
{
    private const string Scheme = "mtcopy-stage-key/1";

    public static string Compute(string stage, IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        ArgumentNullException.ThrowIfNull(inputs);
        var canonical = new StringBuilder();
        canonical.Append(Scheme).Append('\n');
        Field(canonical, stage);
        foreach (KeyValuePair<string, string> input in inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            ArgumentNullException.ThrowIfNull(input.Value);
            Field(canonical, input.Key);
            Field(canonical, input.Value);
        }

        return ContentHash.Sha256(canonical.ToString());
    }

    private static void Field(StringBuilder canonical, string value) =>
        canonical.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
}
