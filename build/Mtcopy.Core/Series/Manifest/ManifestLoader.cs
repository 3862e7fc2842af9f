using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>
/// Reads <c>manifest.yaml</c> strictly: snake_case keys, unknown or duplicate keys and missing
/// required keys are errors, and every value is validated. All problems are reported at once
/// in a <see cref="ManifestException"/> with file, line and column.
/// </summary>
public static class ManifestLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .WithEnforceRequiredMembers()
        .WithEnforceNullability()
        .WithTypeMapping<IReadOnlyList<string>, List<string>>()
        .WithTypeMapping<IReadOnlyList<KernelBase>, List<KernelBase>>()
        .WithTypeMapping<IReadOnlyList<ModuleSpec>, List<ModuleSpec>>()
        .WithTypeMapping<IReadOnlyList<SysfsAttributeSpec>, List<SysfsAttributeSpec>>()
        .WithTypeMapping<IReadOnlyDictionary<string, string>, Dictionary<string, string>>()
        .Build();

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
        if (locator.SyntaxError is { } syntax)
        {
            throw new ManifestException(sourceName, [YamlErrorTranslator.Translate(syntax, yamlText, locator)], syntax);
        }

        SeriesManifest? manifest;
        try
        {
            manifest = Deserializer.Deserialize<SeriesManifest?>(yamlText);
        }
        catch (YamlException e)
        {
            throw new ManifestException(sourceName, [YamlErrorTranslator.Translate(e, yamlText, locator)], e);
        }

        if (manifest is null)
        {
            throw new ManifestException(sourceName,
                [new ManifestError(string.Empty, null, null, "the manifest is empty; it needs series, bases and config")]);
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
}
