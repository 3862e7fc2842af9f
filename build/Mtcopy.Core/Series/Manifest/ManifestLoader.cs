using YamlDotNet.Core;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>
/// Reads <c>manifest.yaml</c> strictly: snake_case keys, unknown or duplicate keys and missing
/// required keys are errors, and every value is validated. All problems are reported at once
/// in a <see cref="ManifestException"/> with file, line and column.
/// </summary>
public static class ManifestLoader
{
    /// <summary>
    /// Reads a manifest from disk; files it names are looked up relative to its directory.
    /// </summary>
    public static SeriesManifest Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ManifestException(
                $"{path}: no such file; a series directory needs a {SeriesSource.ManifestFileName} (or a quilt series file).");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Parse(File.ReadAllText(path), path,
            file => SeriesPaths.IsInsideSeries(file) && File.Exists(Path.Combine(directory, file)));
    }

    /// <summary>
    /// Parses and validates manifest text. <paramref name="sourceName"/> names it in errors;
    /// <paramref name="fileExists"/> answers for paths relative to the manifest's directory.
    /// </summary>
    public static SeriesManifest Parse(string yamlText, string sourceName, Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(fileExists);
        var locator = new YamlLocator(yamlText);
        if (!locator.IsValidYaml)
        {
            throw locator.SyntaxError is { } syntax
                ? new ManifestException(sourceName, [SyntaxError(syntax)], syntax)
                : new ManifestException(sourceName, [SyntaxError(null)]);
        }

        if (locator.Root is not { } root)
        {
            throw new ManifestException(sourceName,
                [new ManifestError(string.Empty, null, null, "the manifest is empty; it needs series, bases and config")]);
        }

        var binder = new ManifestBinder();
        if (binder.Bind(root) is not { } manifest)
        {
            throw new ManifestException(sourceName, binder.Errors);
        }

        var problems = ManifestValidator.Validate(manifest, fileExists);
        if (problems.Count > 0)
        {
            var errors = problems.Select(p =>
            {
                var mark = locator.Find(p.Path);
                return new ManifestError(p.Path.ToString(), (int?)mark?.Line, (int?)mark?.Column, p.Message);
            }).ToList();
            throw new ManifestException(sourceName, errors);
        }

        return manifest;
    }

    /// <summary>The parser's own report of where the text stops being YAML; our words around it.</summary>
    private static ManifestError SyntaxError(YamlException? error) => error is null
        ? new ManifestError(string.Empty, null, null, "not valid YAML; check brackets, quotes and indentation")
        : new ManifestError(string.Empty, (int)error.Start.Line, (int)error.Start.Column, $"not valid YAML: {error.Message.TrimEnd('.')}; fix the syntax");
}
