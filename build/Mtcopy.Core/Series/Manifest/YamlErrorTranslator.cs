using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>Turns YamlDotNet's exceptions into <see cref="ManifestError"/>s that say what to change.</summary>
internal static partial class YamlErrorTranslator
{
    public static ManifestError Translate(YamlException exception, string yamlText, YamlLocator locator)
    {
        var mark = exception.Start;
        var text = exception.Message;
        if (exception is SyntaxErrorException or SemanticErrorException)
        {
            return At(mark, string.Empty, $"not valid YAML: {text.TrimEnd('.')}; fix the syntax");
        }

        if (!locator.IsValidYaml)
        {
            return At(mark, string.Empty, "not valid YAML near here; check brackets, quotes and indentation");
        }

        if (UnknownProperty().Match(text) is { Success: true } unknown)
        {
            var key = Slice(yamlText, exception) ?? unknown.Groups[1].Value;
            var parent = locator.MappingOfKeyAt(mark);
            var allowed = parent is null ? null : ManifestSchema.TypeAt(parent) is { } t ? ManifestSchema.KeysOf(t) : null;
            var hint = allowed is { Count: > 0 } ? "; allowed keys: " + string.Join(", ", allowed) : string.Empty;
            return At(mark, parent?.ToString() ?? string.Empty, $"unknown key '{key}'; remove it or fix its spelling{hint}");
        }

        if (DuplicateKey().Match(text) is { Success: true } duplicate)
        {
            var key = duplicate.Groups[1].Value;
            var where = locator.DuplicateKey(key);
            return At(where?.Start ?? mark, where?.Path.ToString() ?? string.Empty,
                $"duplicate key '{key}'; keep only one of them");
        }

        if (MissingProperties().Match(text) is { Success: true } missing)
        {
            var keys = QuotedName().Matches(missing.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
            var mapping = locator.MappingEndingAt(mark);
            var noun = keys.Count == 1 ? "key" : "keys";
            return At(mapping?.Start ?? mark, mapping?.Path.ToString() ?? string.Empty,
                $"missing required {noun} {string.Join(", ", keys.Select(k => $"'{k}'"))}; add {(keys.Count == 1 ? "it" : "them")}");
        }

        if (text.StartsWith("Strict nullability", StringComparison.Ordinal))
        {
            var key = Slice(yamlText, exception) ?? "?";
            var parent = locator.MappingOfKeyAt(mark);
            return At(mark, parent?.Key(key).ToString() ?? key, "has no value; give it one or remove the key if it is optional");
        }

        if (exception.InnerException is FormatException or InvalidCastException or InvalidOperationException ||
            text.StartsWith("No node deserializer", StringComparison.Ordinal))
        {
            var path = locator.ValueAt(mark);
            var expected = ManifestSchema.Describe(path is null ? null : ManifestSchema.TypeAt(path));
            return At(mark, path?.ToString() ?? string.Empty, $"wrong kind of value; expected {expected}");
        }

        return At(mark, string.Empty, text);
    }

    private static ManifestError At(Mark mark, string path, string message) =>
        new(path, (int)mark.Line, (int)mark.Column, message);

    private static string? Slice(string yamlText, YamlException exception)
    {
        var start = (int)exception.Start.Index;
        var end = (int)exception.End.Index;
        return start >= 0 && end > start && end <= yamlText.Length ? yamlText[start..end].Trim().Trim('"', '\'') : null;
    }

    [GeneratedRegex(@"^Property '([^']*)' not found on type")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"^Encountered duplicate key (.*)$")]
    private static partial Regex DuplicateKey();

    [GeneratedRegex(@"^Missing properties, (.*) in source yaml")]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex QuotedName();
}
