using System.Text.RegularExpressions;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>Rules for <c>bases:</c>.</summary>
internal static class KernelBaseValidator
{
    public static void Check(IReadOnlyList<KernelBase> bases, YamlPath path, ManifestChecks checks)
    {
        if (!checks.NotEmpty(path, bases, "list at least one kernel base (id: \"debian:6.12\", ...)"))
        {
            return;
        }

        ManifestChecks.Each(path, bases, (b, at) => CheckOne(b, at, checks));

        var ids = bases.Select(b => b.Id).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids.IndexOf(ids[i]) < i)
            {
                checks.Fail(path.Index(i).Key("id"), $"'{ids[i]}' is already used by another base; give each base its own id");
            }
        }

        var defaults = Enumerable.Range(0, bases.Count).Where(i => bases[i].Default).ToList();
        if (defaults.Count == 0)
        {
            checks.Fail(path, "no base is marked 'default: true'; mark exactly one");
        }

        foreach (var extra in defaults.Skip(1))
        {
            checks.Fail(path.Index(extra).Key("default"),
                $"another base (item {defaults[0] + 1}) is already the default; mark exactly one base 'default: true'");
        }
    }

    private static void CheckOne(KernelBase kernelBase, YamlPath path, ManifestChecks checks)
    {
        var id = ManifestPatterns.BaseId().Match(kernelBase.Id ?? string.Empty);
        if (!id.Success)
        {
            checks.Fail(path.Key("id"),
                $"'{kernelBase.Id}' is not a valid base id; use debian:<major>.<minor> (e.g. \"debian:6.12\")");
        }

        checks.Matches(path.Key("package"), kernelBase.Package, ManifestPatterns.DebianPackage(),
            "name the Debian source package (e.g. linux-source-6.12)");
        checks.Matches(path.Key("version"), kernelBase.Version, ManifestPatterns.DebianVersion(),
            "pin the exact Debian package version (e.g. 6.12.117-1~deb12u1)");
        if (kernelBase.Suite is not null)
        {
            checks.Matches(path.Key("suite"), kernelBase.Suite, ManifestPatterns.Suite(),
                "name a Debian suite (e.g. bookworm-security) or leave the key out");
        }

        if (kernelBase.Series is not null)
        {
            CheckSeries(path, kernelBase, checks);
        }

        CheckKernelVersion(path.Key("kernel"), kernelBase.Kernel, id, checks);
        ManifestChecks.Each(path.Key("tested"), kernelBase.Tested, (version, at) => CheckKernelVersion(at, version, id, checks));
    }

    private static void CheckSeries(YamlPath path, KernelBase kernelBase, ManifestChecks checks)
    {
        if (!checks.Matches(path.Key("series"), kernelBase.Series, ManifestPatterns.SeriesDirectory(),
                "name the directory with this base's variant of the series, relative to the manifest's directory " +
                "and inside it (e.g. linux-7.2; no leading '/', no '.' or '..')"))
        {
            return;
        }

        if (kernelBase.Default)
        {
            checks.Fail(path.Key("series"),
                "the default base uses this manifest's own series; remove 'series' here, or make another base the default");
        }
    }

    private static void CheckKernelVersion(YamlPath path, string? version, Match id, ManifestChecks checks)
    {
        if (!checks.Matches(path, version, ManifestPatterns.KernelVersion(),
                "write an upstream kernel version (e.g. 6.12.117)") || !id.Success)
        {
            return;
        }

        var parsed = ManifestPatterns.KernelVersion().Match(version!);
        if (parsed.Groups[1].Value != id.Groups[1].Value || parsed.Groups[2].Value != id.Groups[2].Value)
        {
            checks.Fail(path,
                $"'{version}' is not a {id.Groups[1].Value}.{id.Groups[2].Value} kernel, but the base id says so; fix one of them");
        }
    }
}
