using System.Globalization;
using System.Text;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>A position in the manifest's tree: keys and list indexes from the top.</summary>
public sealed class YamlPath
{
    private YamlPath(IReadOnlyList<object> segments)
    {
        Segments = segments;
    }

    public static YamlPath Root { get; } = new([]);

    /// <summary>Each segment is a <see cref="string"/> key or an <see cref="int"/> index.</summary>
    public IReadOnlyList<object> Segments { get; }

    public YamlPath Key(string key) => new([.. Segments, key]);

    public YamlPath Index(int index) => new([.. Segments, index]);

    /// <summary><c>modules[0].sysfs.directory</c>; <c>(top level)</c> for the root.</summary>
    public override string ToString()
    {
        if (Segments.Count == 0)
        {
            return "(top level)";
        }

        var builder = new StringBuilder();
        foreach (var segment in Segments)
        {
            if (segment is int index)
            {
                builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                builder.Append(builder.Length > 0 ? "." : string.Empty).Append(segment);
            }
        }

        return builder.ToString();
    }
}
