using Mtcopy.Adapters.Process;
using Mtcopy.Core.SystemTest;

namespace Mtcopy.Adapters.SystemTest;

/// <summary>What one boot of the guest left: its report port's text, and why it ended if not by powering off.</summary>
public sealed record SystemBootResult(string Report, TimeSpan Duration, string? Failure);

/// <summary>Boots the guest once in qemu (TCG) and waits for it to power off, up to a timeout.</summary>
public sealed class SystemBootRunner(IProcessRunner runner)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(25);

    public async Task<SystemBootResult> BootAsync(SystemBoot boot, string logPath, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(boot);
        File.Delete(boot.ConsoleLogPath);
        File.Delete(boot.ReportLogPath);
        string? failure = null;
        TimeSpan duration = TimeSpan.Zero;
        try
        {
            ProcessResult result = await runner.RunAsync(new ProcessSpec("qemu-system-x86_64", SystemQemuCommand.Arguments(boot))
            {
                LogPath = logPath,
                Timeout = timeout,
                ThrowOnNonZeroExit = false,
            }, cancellationToken).ConfigureAwait(false);
            duration = result.Duration;
            if (result.ExitCode != 0)
            {
                failure = $"qemu exited with {result.ExitCode} (see {logPath})";
            }
        }
        catch (ProcessTimedOutException)
        {
            failure = $"the guest did not power off within {timeout.TotalMinutes:0} minutes (console: {boot.ConsoleLogPath})";
            duration = timeout;
        }

        string report = File.Exists(boot.ReportLogPath) ? await File.ReadAllTextAsync(boot.ReportLogPath, cancellationToken).ConfigureAwait(false) : "";
        return new SystemBootResult(report, duration, failure);
    }
}
