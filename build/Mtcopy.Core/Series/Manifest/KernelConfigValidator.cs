namespace Mtcopy.Core.Series.Manifest;

/// <summary>Rules for <c>config:</c>.</summary>
internal static class KernelConfigValidator
{
    public static void Check(KernelConfigSpec config, YamlPath path, ManifestChecks checks)
    {
        checks.Matches(path.Key("arch"), config.Arch, ManifestPatterns.Arch(),
            "name a kernel architecture (e.g. x86_64, arm64)");
        checks.Matches(path.Key("base"), config.Base, ManifestPatterns.ConfigTarget(),
            "name a make target that writes .config (e.g. tinyconfig, defconfig, allnoconfig)");

        var fragments = path.Key("fragments");
        if (checks.NotEmpty(fragments, config.Fragments.Keys.ToList(),
                "name at least one config fragment (e.g. smoke: config/smoke.config)"))
        {
            foreach (var (name, file) in config.Fragments)
            {
                checks.Matches(fragments.Key(name), name, ManifestPatterns.FragmentName(),
                    "name fragments with letters, digits, '_' and '-'");
                checks.SeriesFile(fragments.Key(name), file, "give the fragment's path relative to the manifest");
            }
        }

        if (config.Default is not null && config.Fragments.Count > 0 && !config.Fragments.ContainsKey(config.Default))
        {
            checks.Fail(path.Key("default"),
                $"'{config.Default}' is not one of the fragments ({string.Join(", ", config.Fragments.Keys)}); name one of them");
        }
    }
}
