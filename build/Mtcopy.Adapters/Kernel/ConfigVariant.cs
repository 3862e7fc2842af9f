using Mtcopy.Core;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Series;
using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Adapters.Kernel;

/// <summary>
/// One kernel configuration to build: a make target for the starting config (e.g. tinyconfig)
/// or a user's full .config, plus the fragments merged on top, in order.
/// </summary>
public sealed record ConfigVariant(string Name, string Arch, string? BaseTarget, string? BaseConfigFile, IReadOnlyList<string> Fragments)
{
    /// <summary>Settings the manifest implies beyond the fragment files, such as the release suffix naming the series.</summary>
    public IReadOnlyList<string> ExtraLines { get; init; } = [];

    /// <summary>
    /// A fragment of the manifest: the default fragment alone, or the default fragment and then the named one
    /// (a debug fragment adds to the smoke settings rather than repeating them).
    /// </summary>
    public static ConfigVariant FromManifest(SeriesManifest manifest, string seriesDir, string name)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        KernelConfigSpec config = manifest.Config;
        if (!config.Fragments.ContainsKey(name))
        {
            throw new UserErrorException($"The manifest has no config fragment '{name}'; it has: {string.Join(", ", config.Fragments.Keys)}.");
        }

        var fragments = new List<string> { Path.GetFullPath(config.Fragments[config.Default], seriesDir) };
        if (name != config.Default)
        {
            fragments.Add(Path.GetFullPath(config.Fragments[name], seriesDir));
        }

        var extra = manifest.Packages is { } packages
            ? new[] { $"CONFIG_LOCALVERSION=\"{packages.LocalVersion}\"", "# CONFIG_LOCALVERSION_AUTO is not set" }
            : [];
        return new ConfigVariant(name, config.Arch, config.Base, null, fragments) { ExtraLines = extra };
    }

    /// <summary>
    /// --config=: a file of only CONFIG_ lines and "is not set" comments is a fragment (merged onto
    /// tinyconfig); anything else, such as a distro's /boot/config-*, is a full .config used as the base.
    /// </summary>
    public static ConfigVariant FromUserFile(string path)
    {
        string text = File.ReadAllText(path);
        bool full = text.Contains("# Automatically generated file; DO NOT EDIT.", StringComparison.Ordinal)
            || text.Split('\n').Count(l => l.StartsWith("CONFIG_", StringComparison.Ordinal)) > 1000;
        return full
            ? new ConfigVariant("custom", "x86_64", null, path, [])
            : new ConfigVariant("custom", "x86_64", "tinyconfig", null, [path]);
    }

    /// <summary>All fragments as one (later lines win), for merge_config.sh and the verifier.</summary>
    public string CombinedFragmentText() =>
        string.Concat(Fragments.Select(f => $"# from {Path.GetFileName(f)}\n{File.ReadAllText(f).TrimEnd('\n')}\n"))
        + (ExtraLines.Count == 0 ? "" : "# from the manifest\n" + string.Concat(ExtraLines.Select(l => l + "\n")));
}
