using System.Reflection;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>What the manifest model expects at a path: used to word error messages.</summary>
internal static class ManifestSchema
{
    /// <summary>The model type at <paramref name="path"/>, or null when the path leaves the model.</summary>
    public static Type? TypeAt(YamlPath path)
    {
        Type? type = typeof(SeriesManifest);
        foreach (var segment in path.Segments)
        {
            type = (segment, type) switch
            {
                (_, null) => null,
                (int, _) when ElementOf(type, typeof(IReadOnlyList<>)) is { } element => element,
                (string, _) when ElementOf(type, typeof(IReadOnlyDictionary<,>)) is { } value => value,
                (string key, _) => Properties(type).FirstOrDefault(p => KeyOf(p) == key)?.PropertyType,
                _ => null,
            };
            type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        }

        return type;
    }

    /// <summary>The keys a mapping of this model type accepts, in declaration order.</summary>
    public static IReadOnlyList<string> KeysOf(Type type) => Properties(type).Select(KeyOf).ToList();

    /// <summary>How to write a value of this type, for "expected ..." messages.</summary>
    public static string Describe(Type? type)
    {
        if (type is null)
        {
            return "a different value";
        }

        if (type == typeof(string))
        {
            return "a single text value";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (ElementOf(type, typeof(IReadOnlyList<>)) is not null)
        {
            return "a list";
        }

        return ElementOf(type, typeof(IReadOnlyDictionary<,>)) is not null
            ? "a mapping of names to values"
            : "a mapping with the keys " + string.Join(", ", KeysOf(type));
    }

    private static string KeyOf(PropertyInfo property) => UnderscoredNamingConvention.Instance.Apply(property.Name);

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.IsClass && type != typeof(string)
            ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.GetCustomAttribute<YamlIgnoreAttribute>() is null)
            : [];

    private static Type? ElementOf(Type type, Type generic) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == generic ? type.GetGenericArguments()[^1] : null;
}
