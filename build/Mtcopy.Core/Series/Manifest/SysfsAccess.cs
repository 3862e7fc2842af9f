namespace Mtcopy.Core.Series.Manifest;

/// <summary>Whether a sysfs attribute may be written.</summary>
public enum SysfsAccess
{
    ReadOnly,
    ReadWrite,
}
