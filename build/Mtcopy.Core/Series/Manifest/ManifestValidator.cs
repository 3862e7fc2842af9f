namespace Mtcopy.Core.Series.Manifest;

/// <summary>Checks a deserialized manifest beyond what the YAML shape enforces.</summary>
internal static class ManifestValidator
{
    public static IReadOnlyList<(YamlPath Path, string Message)> Validate(
        SeriesManifest manifest, Func<string, bool> fileExists)
    {
        var checks = new ManifestChecks(fileExists);
        var root = YamlPath.Root;
        SeriesInfoValidator.Check(manifest.Series, root.Key("series"), checks);
        KernelBaseValidator.Check(manifest.Bases, root.Key("bases"), checks);
        KernelConfigValidator.Check(manifest.Config, root.Key("config"), checks);
        ModuleValidator.Check(manifest.Modules, root.Key("modules"), checks);
        if (manifest.Packages is { } packages)
        {
            PackagingValidator.Check(manifest, packages, root, checks);
        }

        return checks.Problems;
    }
}
