namespace Mtcopy.Core.Packaging;

/// <summary>
/// Which built config the kernel and module packages come from: the manifest's default when it was
/// built, else the first config the run built (SystemTest builds only its own 'system' config, whose
/// kernel is the one the packages must boot).
/// </summary>
public static class PackagedConfigChoice
{
    public static string? Choose(string defaultConfig, IReadOnlyList<string> builtConfigs)
    {
        ArgumentNullException.ThrowIfNull(builtConfigs);
        if (builtConfigs.Contains(defaultConfig, StringComparer.Ordinal))
        {
            return defaultConfig;
        }

        return builtConfigs.Count == 0 ? null : builtConfigs[0];
    }
}
