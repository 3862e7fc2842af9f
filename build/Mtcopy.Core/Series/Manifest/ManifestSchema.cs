using System.Reflection;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>The manifest model's shape, read from its records: the keys of a mapping and how to word what a value should be.</summary>
internal static class ManifestSchema
{
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

    public static string KeyOf(PropertyInfo property) => UnderscoredNamingConvention.Instance.Apply(property.Name);

    public static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.IsClass && type != typeof(string)
            ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.GetCustomAttribute<YamlIgnoreAttribute>() is null)
            : [];

    public static Type? ElementOf(Type type, Type generic) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == generic ? type.GetGenericArguments()[^1] : null;
}
