using System.Text.RegularExpressions;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>Collects validation problems, each tied to the path of the value at fault.</summary>
internal sealed class ManifestChecks(Func<string, bool> fileExists)
{
    private readonly List<(YamlPath Path, string Message)> problems = [];

    public IReadOnlyList<(YamlPath Path, string Message)> Problems => problems;

    public void Fail(YamlPath path, string message) => problems.Add((path, message));

    /// <summary>Runs <paramref name="check"/> on each item of a list with the item's path.</summary>
    public static void Each<T>(YamlPath path, IReadOnlyList<T> items, Action<T, YamlPath> check)
    {
        for (var i = 0; i < items.Count; i++)
        {
            check(items[i], path.Index(i));
        }
    }

    /// <summary>Checks a value against a pattern; <paramref name="what"/> says what is expected.</summary>
    public bool Matches(YamlPath path, string? value, Regex pattern, string what)
    {
        if (value is not null && pattern.IsMatch(value))
        {
            return true;
        }

        Fail(path, string.IsNullOrEmpty(value) ? $"is empty; {what}" : $"'{value}' is not valid; {what}");
        return false;
    }

    public bool NotBlank(YamlPath path, string? value, string what)
    {
        if (!string.IsNullOrWhiteSpace(value) && !value.Contains('\n', StringComparison.Ordinal))
        {
            return true;
        }

        Fail(path, string.IsNullOrWhiteSpace(value) ? $"is empty; {what}" : $"must be a single line; {what}");
        return false;
    }

    public bool NotEmpty<T>(YamlPath path, IReadOnlyCollection<T> items, string what)
    {
        if (items.Count > 0)
        {
            return true;
        }

        Fail(path, $"is empty; {what}");
        return false;
    }

    /// <summary>
    /// Reports every value listed a second time, at its second position (at the item's
    /// <paramref name="itemKey"/> when the items are mappings).
    /// </summary>
    public void Unique(YamlPath path, IReadOnlyList<string?> values, string what, string? itemKey = null)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                continue;
            }

            if (seen.TryGetValue(value, out var first))
            {
                var at = itemKey is null ? path.Index(i) : path.Index(i).Key(itemKey);
                Fail(at, $"'{value}' is listed twice (also item {first + 1}); {what}");
            }
            else
            {
                seen[value] = i;
            }
        }
    }

    /// <summary>A file relative to the manifest's directory that must stay inside it and exist.</summary>
    public void SeriesFile(YamlPath path, string? file, string what)
    {
        if (string.IsNullOrEmpty(file))
        {
            Fail(path, $"is empty; {what}");
        }
        else if (!SeriesPaths.IsInsideSeries(file))
        {
            Fail(path, $"'{file}' is outside the manifest's directory; {what} (a relative path without '..')");
        }
        else if (!fileExists(file))
        {
            Fail(path, $"'{file}' does not exist next to the manifest; add the file or fix the name");
        }
    }
}
