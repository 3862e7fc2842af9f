using YamlDotNet.Serialization;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>One sysfs attribute and the values the smoke test writes to it.</summary>
public sealed record SysfsAttributeSpec
{
    public const string ReadOnlyMode = "ro";
    public const string ReadWriteMode = "rw";

    /// <summary>File name inside the sysfs directory.</summary>
    public required string Name { get; init; }

    /// <summary><c>ro</c> or <c>rw</c> as written in the manifest; see <see cref="Access"/>.</summary>
    public required string Mode { get; init; }

    /// <summary>Value expected right after the module loads; optional.</summary>
    public string? Default { get; init; }

    /// <summary>Values a write must accept (rw only).</summary>
    public IReadOnlyList<string> Valid { get; init; } = [];

    /// <summary>Values a write must refuse (rw only).</summary>
    public IReadOnlyList<string> Invalid { get; init; } = [];

    [YamlIgnore]
    public SysfsAccess Access => Mode == ReadWriteMode ? SysfsAccess.ReadWrite : SysfsAccess.ReadOnly;
}
