namespace Mtcopy.Core.Series.Manifest;

/// <summary>A module's sysfs directory and the attributes in it.</summary>
public sealed record SysfsSpec
{
    /// <summary>Absolute path under <c>/sys/</c>.</summary>
    public required string Directory { get; init; }

    public required IReadOnlyList<SysfsAttributeSpec> Attributes { get; init; }
}
