namespace Mtcopy.Core.Smoke;

/// <summary>The kinds of cpio entry an initramfs needs.</summary>
public enum CpioEntryKind
{
    Directory,
    File,
    Symlink,
    CharDevice,
}
