namespace Mtcopy.Core.Series.Manifest;

/// <summary>One out-of-tree module of <c>modules:</c>.</summary>
public sealed record ModuleSpec
{
    /// <summary>Module name, a C identifier; the module file is <c>&lt;name&gt;.ko</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Module source directory, relative to the manifest's directory.</summary>
    public required string Source { get; init; }

    /// <summary>Kconfig symbol of the module (<c>CONFIG_...</c>); optional.</summary>
    public string? Kconfig { get; init; }

    /// <summary>Kconfig symbols the kernel must have enabled for the module.</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>The sysfs interface the module exposes; optional.</summary>
    public SysfsSpec? Sysfs { get; init; }
}
