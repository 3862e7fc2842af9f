using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mtcopy.Core.Results;

/// <summary>Strict readers for the JSON files mtcopy writes; failures name the missing or bad key.</summary>
internal static class JsonRead
{
    internal const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static JsonObject Document(string json, string what)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new FormatException($"{what}: expected a JSON object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{what}: not valid JSON ({e.Message}).", e);
        }
    }

    public static JsonObject Object(JsonNode? node, string key) =>
        node as JsonObject ?? throw new FormatException($"'{key}' must be a JSON object.");

    public static string String(JsonObject obj, string key) =>
        OptionalString(obj, key) ?? throw new FormatException($"'{key}' is missing.");

    public static string? OptionalString(JsonObject obj, string key) =>
        obj[key] switch
        {
            null => null,
            JsonValue value when value.TryGetValue(out string? text) => text,
            _ => throw new FormatException($"'{key}' must be a string."),
        };

    public static long Int64(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.TryGetValue(out long number)
            ? number
            : throw new FormatException($"'{key}' must be an integer.");

    public static double Double(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.TryGetValue(out double number)
            ? number
            : throw new FormatException($"'{key}' must be a number.");

    public static bool Boolean(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.TryGetValue(out bool flag)
            ? flag
            : throw new FormatException($"'{key}' must be true or false.");

    public static DateTimeOffset? OptionalTime(JsonObject obj, string key)
    {
        string? text = OptionalString(obj, key);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset time)
            ? time
            : throw new FormatException($"'{key}' must be a UTC time like 2025-01-02T03:04:05.000Z.");
    }

    public static JsonArray Array(JsonObject obj, string key) =>
        obj[key] as JsonArray ?? throw new FormatException($"'{key}' must be a JSON array.");

    public static IReadOnlyList<string> StringList(JsonObject obj, string key) =>
        [.. Array(obj, key).Select(item => item is JsonValue v && v.TryGetValue(out string? s)
            ? s
            : throw new FormatException($"'{key}' must hold strings only."))];

    public static IReadOnlyDictionary<string, string> StringMap(JsonObject obj, string key)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonNode?> property in Object(obj[key], key))
        {
            map[property.Key] = property.Value is JsonValue v && v.TryGetValue(out string? s)
                ? s
                : throw new FormatException($"'{key}.{property.Key}' must be a string.");
        }

        return map;
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static JsonObject ToJson(IReadOnlyDictionary<string, string> map)
    {
        var obj = new JsonObject();
        foreach (KeyValuePair<string, string> pair in map)
        {
            obj[pair.Key] = pair.Value;
        }

        return obj;
    }
}
