using Mtcopy.Core.Kernel;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// The packaged kernel carries the series' core but not the module that a module package ships: the
/// built .config with each of those module symbols switched off (e.g. <c># CONFIG_MTCOPY_CPU is not set</c>).
/// Applied in the same build directory, Kbuild's per-symbol dependencies (fixdep) rebuild only what reads
/// those symbols; vmlinux stays the same file because the symbols are modules (tristate m), not built in.
/// </summary>
public static class PackagedKernelConfig
{
    /// <summary>The fragment merged onto the built .config before packaging.</summary>
    public static string Fragment(IReadOnlyList<string> leftOutModules)
    {
        ArgumentNullException.ThrowIfNull(leftOutModules);
        foreach (string symbol in leftOutModules)
        {
            if (!symbol.StartsWith("CONFIG_", StringComparison.Ordinal) || symbol.Length == "CONFIG_".Length
                || symbol.Any(c => !char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '_'))
            {
                throw new UserErrorException($"'{symbol}' is not a Kconfig symbol: use the module's kconfig from the manifest, e.g. CONFIG_MTCOPY_CPU.");
            }
        }

        return string.Concat(leftOutModules.Select(s => $"# {s} is not set\n"));
    }

    /// <summary>
    /// The symbols of <paramref name="leftOutModules"/> that <paramref name="configText"/> (the .config after the
    /// merge) still sets to y or m: empty when the packaged kernel carries none of those modules.
    /// </summary>
    public static IReadOnlyList<string> StillEnabled(string configText, IReadOnlyList<string> leftOutModules)
    {
        ArgumentNullException.ThrowIfNull(leftOutModules);
        KconfigFile config = KconfigFile.Parse(configText, ".config");
        return [.. leftOutModules.Where(s => config.ValueOf(s) is { IsDisabled: false })];
    }
}
