using Mtcopy.Adapters.Process;
using Mtcopy.Core;
using Mtcopy.Core.SystemTest;

namespace Mtcopy.Adapters.SystemTest;

/// <summary>
/// The system test's guest: a Debian root made once by mmdebstrap and kept as a tarball in &lt;cache&gt;/system-roots
/// under a name that hashes the package list; a disk made from it by <c>mkfs.ext4 -d</c> (no loop mount); /boot read
/// back with debugfs (read-only, no mount); boots in qemu (TCG) that end when the guest powers off or the timeout passes.
/// </summary>
public sealed class SystemGuest(IProcessRunner runner) : ISystemGuest
{
    public const string RootsDirectoryName = "system-roots";
    public const string ImageSize = "6G";
    public const string GuestScript = "/usr/local/sbin/mtcopy-systemtest";
    public const string GuestUnit = "mtcopy-systemtest.service";

    public static readonly TimeSpan DefaultBootTimeout = TimeSpan.FromMinutes(25);

    public async Task<(string Path, bool Made)> EnsureRootAsync(SystemRootSpec spec, string cacheDir, string logPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string dir = Path.Combine(cacheDir, RootsDirectoryName);
        string tar = Path.Combine(dir, spec.TarballName);
        if (File.Exists(tar))
        {
            return (tar, false);
        }

        Directory.CreateDirectory(dir);
        string partial = tar + ".partial";
        File.Delete(partial);
        await Run("mmdebstrap", spec.MmdebstrapArguments(partial), logPath, TimeSpan.FromMinutes(30), cancellationToken).ConfigureAwait(false);
        File.Move(partial, tar, overwrite: true);
        return (tar, true);
    }

    public async Task BuildImageAsync(string rootTar, string guestDir, IReadOnlyDictionary<string, string> payload, string staging, string image, string logPath,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        try
        {
            await Run("tar", ["-xf", rootTar, "-C", staging, "--numeric-owner"], logPath, TimeSpan.FromMinutes(15), cancellationToken).ConfigureAwait(false);
            AddGuestFiles(staging, guestDir, payload);
            File.Delete(image);
            await Run("mkfs.ext4", ["-q", "-F", "-L", "mtcopy-root", "-d", staging, image, ImageSize], logPath, TimeSpan.FromMinutes(15), cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    public async Task<IReadOnlyList<string>> ListBootAsync(string image, string logPath, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        await runner.RunAsync(new ProcessSpec("debugfs", ["-R", "ls -p /boot", image])
        {
            LogPath = logPath,
            OnLine = line => { lock (lines) { lines.Add(line); } },
            Timeout = TimeSpan.FromMinutes(2),
        }, cancellationToken).ConfigureAwait(false);
        // "ls -p": /inode/mode/uid/gid/name/size/ a line.
        return [.. lines.Where(l => l.StartsWith('/'))
            .Select(l => l.Split('/'))
            .Where(f => f.Length >= 7 && f[5] is not ("" or "." or ".."))
            .Select(f => f[5])];
    }

    public async Task DumpBootFileAsync(string image, string name, string destination, string logPath, CancellationToken cancellationToken)
    {
        File.Delete(destination);
        await Run("debugfs", ["-R", $"dump /boot/{name} {destination}", image], logPath, TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        if (!File.Exists(destination) || new FileInfo(destination).Length == 0)
        {
            throw new UserErrorException($"the guest's image has no /boot/{name} (see {logPath})");
        }
    }

    public async Task<SystemBootResult> BootAsync(SystemBoot boot, string logPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(boot);
        File.Delete(boot.ConsoleLogPath);
        File.Delete(boot.ReportLogPath);
        string? failure = null;
        TimeSpan duration = timeout;
        try
        {
            ProcessResult result = await runner.RunAsync(new ProcessSpec("qemu-system-x86_64", SystemQemuCommand.Arguments(boot))
            {
                LogPath = logPath,
                Timeout = timeout,
                ThrowOnNonZeroExit = false,
            }, cancellationToken).ConfigureAwait(false);
            duration = result.Duration;
            failure = result.ExitCode != 0 ? $"qemu exited with {result.ExitCode} (see {logPath})" : null;
        }
        catch (ProcessTimedOutException)
        {
            failure = $"the guest did not power off within {timeout.TotalMinutes:0} minutes (console: {boot.ConsoleLogPath})";
        }

        string report = File.Exists(boot.ReportLogPath) ? await File.ReadAllTextAsync(boot.ReportLogPath, cancellationToken).ConfigureAwait(false) : "";
        return new SystemBootResult(report, duration, failure);
    }

    /// <summary>The guest script, its systemd unit (enabled), fstab, hostname and the payload under /root/mtcopy.</summary>
    private static void AddGuestFiles(string staging, string guestDir, IReadOnlyDictionary<string, string> payload)
    {
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
    }

    private Task<ProcessResult> Run(string program, IReadOnlyList<string> arguments, string logPath, TimeSpan timeout, CancellationToken cancellationToken) =>
        runner.RunAsync(new ProcessSpec(program, arguments) { LogPath = logPath, Timeout = timeout }, cancellationToken);
}
