using System.Collections;
using System.Reflection;
using YamlDotNet.Core;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>
/// Builds the manifest's records from the YAML node tree in one walk, by the records' own shape: snake_case keys,
/// <c>required</c> properties, nullable ones optional. Every problem (unknown, duplicate or missing key, a value with
/// no value or of the wrong kind) is collected with the position of its node, so all of them are reported at once.
/// </summary>
internal sealed class ManifestBinder
{
    private static readonly NullabilityInfoContext Nullability = new();

    private readonly List<ManifestError> errors = [];

    public IReadOnlyList<ManifestError> Errors => errors;

    /// <summary>The manifest, or null when a problem was found (see <see cref="Errors"/>).</summary>
    public SeriesManifest? Bind(YamlTreeNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        object? manifest = Value(typeof(SeriesManifest), root, YamlPath.Root);
        return errors.Count == 0 ? manifest as SeriesManifest : null;
    }

    private object? Value(Type type, YamlTreeNode node, YamlPath path)
    {
        if (type == typeof(string))
        {
            return node.Value is { } text && !node.IsMapping && !node.IsSequence ? text : Wrong(type, node, path);
        }

        if (type == typeof(bool))
        {
            return node.Value switch
            {
                "true" or "True" or "TRUE" => true,
                "false" or "False" or "FALSE" => false,
                _ => Wrong(type, node, path),
            };
        }

        if (ManifestSchema.ElementOf(type, typeof(IReadOnlyList<>)) is { } element)
        {
            return node.IsSequence ? List(element, node, path) : Wrong(type, node, path);
        }

        if (ManifestSchema.ElementOf(type, typeof(IReadOnlyDictionary<,>)) is not null)
        {
            return node.IsMapping ? Dictionary(node, path) : Wrong(type, node, path);
        }

        return node.IsMapping ? Record(type, node, path) : Wrong(type, node, path);
    }

    private IList List(Type element, YamlTreeNode node, YamlPath path)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        for (int i = 0; i < node.Items.Count; i++)
        {
            YamlTreeNode item = node.Items[i];
            list.Add(item.IsNull ? NoValue(item.Start, path.Index(i)) : Value(element, item, path.Index(i)));
        }

        return list;
    }

    private Dictionary<string, string> Dictionary(YamlTreeNode node, YamlPath path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, Mark keyStart, _, YamlTreeNode value) in node.Entries)
        {
            if (map.ContainsKey(key))
            {
                Add(keyStart, path, $"duplicate key '{key}'; keep only one of them");
            }
            else if (value.IsNull)
            {
                NoValue(keyStart, path.Key(key));
            }
            else if (Value(typeof(string), value, path.Key(key)) is string text)
            {
                map[key] = text;
            }
        }

        return map;
    }

    private object Record(Type type, YamlTreeNode node, YamlPath path)
    {
        object record = Activator.CreateInstance(type, nonPublic: true)!;
        Dictionary<string, PropertyInfo> properties = ManifestSchema.Properties(type).ToDictionary(ManifestSchema.KeyOf, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string key, Mark keyStart, _, YamlTreeNode value) in node.Entries)
        {
            if (!properties.TryGetValue(key, out PropertyInfo? property))
            {
                Add(keyStart, path, $"unknown key '{key}'; remove it or fix its spelling; allowed keys: {string.Join(", ", properties.Keys)}");
            }
            else if (!seen.Add(key))
            {
                Add(keyStart, path, $"duplicate key '{key}'; keep only one of them");
            }
            else if (value.IsNull)
            {
                property.SetValue(record, IsNullable(property) ? null : NoValue(keyStart, path.Key(key)));
            }
            else
            {
                property.SetValue(record, Value(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, value, path.Key(key)));
            }
        }

        var missing = properties.Where(p => p.Value.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute)) && !seen.Contains(p.Key))
            .Select(p => $"'{p.Key}'").ToList();
        if (missing.Count > 0)
        {
            Add(node.Start, path, missing.Count == 1
                ? $"missing required key {missing[0]}; add it"
                : $"missing required keys {string.Join(", ", missing)}; add them");
        }

        return record;
    }

    private static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && Nullability.Create(property).WriteState == NullabilityState.Nullable);

    private object? NoValue(Mark at, YamlPath path)
    {
        errors.Add(At(at, path, "has no value; give it one or remove the key if it is optional"));
        return null;
    }

    private object? Wrong(Type type, YamlTreeNode node, YamlPath path)
    {
        errors.Add(At(node.Start, path, $"wrong kind of value; expected {ManifestSchema.Describe(type)}"));
        return null;
    }

    private void Add(Mark at, YamlPath path, string message) => errors.Add(At(at, path, message));

    private static ManifestError At(Mark mark, YamlPath path, string message) =>
        new(path.ToString(), (int)mark.Line, (int)mark.Column, message);
}
