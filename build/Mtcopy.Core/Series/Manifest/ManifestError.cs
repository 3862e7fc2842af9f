using System.Globalization;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>One problem in a manifest, where it is (1-based; null when unknown) and what to change.</summary>
public sealed record ManifestError(string Path, int? Line, int? Column, string Message)
{
    /// <summary><c>file:line:column: path: message</c> (parts that are unknown are left out).</summary>
    public string Format(string sourceName)
    {
        var where = Line is { } line && Column is { } column
            ? string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{line}:{column}")
            : sourceName;
        return Path.Length == 0 ? $"{where}: {Message}" : $"{where}: {Path}: {Message}";
    }
}
