namespace Mtcopy.Core.Series.Manifest;

/// <summary>Rules for <c>modules:</c> and their sysfs interface.</summary>
internal static class ModuleValidator
{
    public static void Check(IReadOnlyList<ModuleSpec> modules, YamlPath path, ManifestChecks checks)
    {
        ManifestChecks.Each(path, modules, (m, at) => CheckOne(m, at, checks));

        checks.Unique(path, modules.Select(m => m.Name).ToList(), "give each module its own name", "name");
    }

    private static void CheckOne(ModuleSpec module, YamlPath path, ManifestChecks checks)
    {
        checks.Matches(path.Key("name"), module.Name, ManifestPatterns.CIdentifier(),
            "use a C identifier: letters, digits and '_', not starting with a digit (the module file is <name>.ko)");
        if (string.IsNullOrWhiteSpace(module.Source) || Path.IsPathRooted(module.Source))
        {
            checks.Fail(path.Key("source"),
                "give the module source directory relative to the manifest's directory (e.g. ../kmod-src)");
        }

        if (module.Kconfig is not null)
        {
            checks.Matches(path.Key("kconfig"), module.Kconfig, ManifestPatterns.KconfigSymbol(),
                "write a Kconfig symbol with its prefix (e.g. CONFIG_MTCOPY_CPU)");
        }

        ManifestChecks.Each(path.Key("requires"), module.Requires, (symbol, at) => checks.Matches(at, symbol, ManifestPatterns.KconfigSymbol(),
            "write a Kconfig symbol with its prefix (e.g. CONFIG_MIGRATION)"));

        if (module.Sysfs is { } sysfs)
        {
            CheckSysfs(sysfs, path.Key("sysfs"), checks);
        }
    }

    private static void CheckSysfs(SysfsSpec sysfs, YamlPath path, ManifestChecks checks)
    {
        checks.Matches(path.Key("directory"), sysfs.Directory, ManifestPatterns.SysfsDirectory(),
            "give an absolute path under /sys (e.g. /sys/kernel/cpu_mt)");
        var attributes = path.Key("attributes");
        if (!checks.NotEmpty(attributes, sysfs.Attributes, "list the attributes in the directory or leave out 'sysfs'"))
        {
            return;
        }

        ManifestChecks.Each(attributes, sysfs.Attributes, (a, at) => SysfsAttributeValidator.Check(a, at, checks));

        checks.Unique(attributes, sysfs.Attributes.Select(a => a.Name).ToList(), "list each attribute once", "name");
    }
}
