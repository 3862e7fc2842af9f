using Mtcopy.Core.SystemTest;

namespace Mtcopy.Adapters.SystemTest;

/// <summary>What one boot of the guest left: its report port's text, and why it ended if not by powering off.</summary>
public sealed record SystemBootResult(string Report, TimeSpan Duration, string? Failure);

/// <summary>
/// The system test's Debian 12 machine as the SystemTest stage uses it (<see cref="SystemGuest"/> over mmdebstrap,
/// mkfs.ext4, debugfs and qemu; a stage test gives a fake): its root, its disk, the files it installed in /boot, its boots.
/// </summary>
public interface ISystemGuest
{
    /// <summary>The root tarball for <paramref name="spec"/>, made once into &lt;cache&gt;/system-roots; its path and whether this call made it.</summary>
    Task<(string Path, bool Made)> EnsureRootAsync(SystemRootSpec spec, string cacheDir, string logPath, CancellationToken cancellationToken);

    /// <summary>
    /// The disk: the root unpacked into <paramref name="staging"/>, the guest script and unit from <paramref name="guestDir"/>
    /// (tests/system/guest) and the <paramref name="payload"/> (name under /root/mtcopy, then the host file) added, one ext4 image.
    /// </summary>
    Task BuildImageAsync(string rootTar, string guestDir, IReadOnlyDictionary<string, string> payload, string staging, string image, string logPath,
        CancellationToken cancellationToken);

    /// <summary>The names in the image's /boot.</summary>
    Task<IReadOnlyList<string>> ListBootAsync(string image, string logPath, CancellationToken cancellationToken);

    /// <summary>Copies /boot/<paramref name="name"/> out of the image to <paramref name="destination"/>.</summary>
    Task DumpBootFileAsync(string image, string name, string destination, string logPath, CancellationToken cancellationToken);

    /// <summary>Boots the guest once and waits for it to power off, up to <paramref name="timeout"/>.</summary>
    Task<SystemBootResult> BootAsync(SystemBoot boot, string logPath, TimeSpan timeout, CancellationToken cancellationToken);
}
