using Mtcopy.Adapters.Process;

namespace Mtcopy.Adapters.SystemTest;

/// <summary>
/// The guest's disk: the cached root unpacked into a staging directory, the test's files added, then one ext4
/// image made from that directory by <c>mkfs.ext4 -d</c> (no loop mount). The staging directory goes afterwards.
/// </summary>
public sealed class SystemImageBuilder(IProcessRunner runner)
{
    public const string ImageSize = "6G";
    public const string GuestScript = "/usr/local/sbin/mtcopy-systemtest";
    public const string GuestUnit = "mtcopy-systemtest.service";

    /// <param name="rootTar">The cached root.</param>
    /// <param name="guestDir">tests/system/guest: the guest script and its systemd unit.</param>
    /// <param name="payload">Files for /root/mtcopy: name there, then the host file.</param>
    public async Task BuildAsync(string rootTar, string guestDir, IReadOnlyDictionary<string, string> payload, string staging, string image, string logPath,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        try
        {
            await Run("tar", ["-xf", rootTar, "-C", staging, "--numeric-owner"], logPath, cancellationToken).ConfigureAwait(false);
            string script = Path.Combine(staging, GuestScript.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(script)!);
            File.Copy(Path.Combine(guestDir, "mtcopy-systemtest"), script, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
            }
            string units = Path.Combine(staging, "etc", "systemd", "system");
            File.Copy(Path.Combine(guestDir, GuestUnit), Path.Combine(units, GuestUnit), overwrite: true);
            string wants = Path.Combine(units, "multi-user.target.wants");
            Directory.CreateDirectory(wants);
            File.CreateSymbolicLink(Path.Combine(wants, GuestUnit), "/etc/systemd/system/" + GuestUnit);
            File.WriteAllText(Path.Combine(staging, "etc", "fstab"), "/dev/vda / ext4 rw,errors=remount-ro 0 1\n");
            File.WriteAllText(Path.Combine(staging, "etc", "hostname"), "mtcopy-systemtest\n");
            string dest = Path.Combine(staging, "root", "mtcopy");
            foreach ((string name, string source) in payload)
            {
                string target = Path.Combine(dest, name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target, overwrite: true);
            }

            File.Delete(image);
            await Run("mkfs.ext4", ["-q", "-F", "-L", "mtcopy-root", "-d", staging, image, ImageSize], logPath, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private Task<ProcessResult> Run(string program, IReadOnlyList<string> arguments, string logPath, CancellationToken cancellationToken) =>
        runner.RunAsync(new ProcessSpec(program, arguments) { LogPath = logPath, Timeout = TimeSpan.FromMinutes(15) }, cancellationToken);
}
