namespace Mtcopy.Core.Series.Manifest;

/// <summary>Rules for <c>series:</c>.</summary>
internal static class SeriesInfoValidator
{
    public static void Check(SeriesInfo series, YamlPath path, ManifestChecks checks)
    {
        checks.Matches(path.Key("name"), series.Name, ManifestPatterns.SeriesName(),
            "use lowercase letters, digits, '.', '+' and '-', starting with a letter or digit (e.g. mtcopy)");
        checks.Matches(path.Key("version"), series.Version, ManifestPatterns.SemVer(),
            "use a semantic version MAJOR.MINOR.PATCH with an optional -prerelease (e.g. 0.1.0, 1.0.0-rc1)");
        checks.NotBlank(path.Key("summary"), series.Summary, "say in one line what the series does");
        if (series.Author is not null)
        {
            checks.Matches(path.Key("author"), series.Author, ManifestPatterns.Maintainer(),
                "write the patches' author as Name <email> (e.g. Jane Doe <jane@example.org>)");
        }

        var patches = path.Key("patches");
        if (!checks.NotEmpty(patches, series.Patches, "list the patch files in the order they apply"))
        {
            return;
        }

        ManifestChecks.Each(patches, series.Patches, (patch, at) => checks.SeriesFile(at, patch, "name a patch file in the series directory"));

        checks.Unique(patches, series.Patches, "list each patch once");
    }
}
