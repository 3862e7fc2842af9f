using System.Text;

namespace Mtcopy.Core.Smoke;

/// <summary>
/// One thing to put in an initramfs: a directory, a file copied from the host
/// (<see cref="HostPath"/>) or given inline (<see cref="Content"/>), a symlink or a character
/// device. <see cref="TargetPath"/> is the path inside the guest, e.g. <c>/bin/busybox</c>.
/// </summary>
public sealed record InitramfsItem(string TargetPath, CpioEntryKind Kind, int Permissions)
{
    public const int Executable = 0b111_101_101; // 0755
    public const int Readable = 0b110_100_100; // 0644

    /// <summary>For a file read from the host; null for inline content and other kinds.</summary>
    public string? HostPath { get; init; }

    /// <summary>Inline file content, or a symlink's target (UTF-8).</summary>
    public ReadOnlyMemory<byte> Content { get; init; }

    public int DeviceMajor { get; init; }

    public int DeviceMinor { get; init; }

    public static InitramfsItem Directory(string targetPath, int permissions = Executable) =>
        new(targetPath, CpioEntryKind.Directory, permissions);

    public static InitramfsItem HostFile(string targetPath, string hostPath, int permissions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostPath);
        return new(targetPath, CpioEntryKind.File, permissions) { HostPath = hostPath };
    }

    public static InitramfsItem InlineText(string targetPath, string text, int permissions = Readable)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(targetPath, CpioEntryKind.File, permissions) { Content = new UTF8Encoding(false).GetBytes(text) };
    }

    public static InitramfsItem Symlink(string targetPath, string linkTarget)
    {
        ArgumentException.ThrowIfNullOrEmpty(linkTarget);
        return new(targetPath, CpioEntryKind.Symlink, 0b111_111_111) { Content = Encoding.UTF8.GetBytes(linkTarget) };
    }

    public static InitramfsItem CharDevice(string targetPath, int permissions, int major, int minor) =>
        new(targetPath, CpioEntryKind.CharDevice, permissions) { DeviceMajor = major, DeviceMinor = minor };
}
