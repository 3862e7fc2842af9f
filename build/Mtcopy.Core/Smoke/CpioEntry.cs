namespace Mtcopy.Core.Smoke;

/// <summary>
/// One entry of a cpio archive. <see cref="Path"/> is relative to the archive root with '/'
/// separators (a leading '/' is dropped); <see cref="Permissions"/> holds the permission bits
/// only (e.g. 0755 octal), the file type comes from <see cref="Kind"/>. A symlink's
/// <see cref="Data"/> is its target.
/// </summary>
public sealed record CpioEntry(string Path, CpioEntryKind Kind, int Permissions)
{
    public ReadOnlyMemory<byte> Data { get; init; }

    public int DeviceMajor { get; init; }

    public int DeviceMinor { get; init; }

    public static CpioEntry Directory(string path, int permissions = 0b111_101_101) =>
        new(path, CpioEntryKind.Directory, permissions);

    public static CpioEntry File(string path, int permissions, ReadOnlyMemory<byte> data) =>
        new(path, CpioEntryKind.File, permissions) { Data = data };

    public static CpioEntry Symlink(string path, string target) =>
        new(path, CpioEntryKind.Symlink, 0b111_111_111) { Data = System.Text.Encoding.UTF8.GetBytes(target) };

    public static CpioEntry CharDevice(string path, int permissions, int major, int minor) =>
        new(path, CpioEntryKind.CharDevice, permissions) { DeviceMajor = major, DeviceMinor = minor };
}
