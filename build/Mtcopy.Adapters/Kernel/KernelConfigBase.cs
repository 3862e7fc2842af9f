namespace Mtcopy.Adapters.Kernel;

/// <summary>
/// Where the configuration starts: kbuild config targets (e.g. tinyconfig, defconfig) or a
/// full .config file to copy (e.g. /boot/config-6.12.0-1-amd64).
/// </summary>
public sealed record KernelConfigBase
{
    private KernelConfigBase(IReadOnlyList<string> targets, string? configFile)
    {
        Targets = targets;
        ConfigFile = configFile;
    }

    public IReadOnlyList<string> Targets { get; }

    public string? ConfigFile { get; }

    public static KernelConfigBase FromTargets(params string[] targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfZero(targets.Length);
        return new KernelConfigBase(targets, null);
    }

    public static KernelConfigBase FromFile(string configFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configFile);
        return new KernelConfigBase([], configFile);
    }

    public override string ToString() => ConfigFile ?? string.Join(' ', Targets);
}
