namespace Mtcopy.Core.Smoke;

/// <summary>
/// What a guest run left behind, as the host saw it: the KTAP file's text (null when qemu never
/// created it), the console text, whether the host timeout fired, qemu's exit code (null when
/// killed) and last output lines, and how long qemu ran.
/// </summary>
public sealed record SmokeEvidence(string ConfigName)
{
    public string? KtapText { get; init; }

    public string? ConsoleText { get; init; }

    public bool TimedOut { get; init; }

    public TimeSpan Timeout { get; init; } = QemuSettings.DefaultTimeout;

    public int? QemuExitCode { get; init; }

    public IReadOnlyList<string> QemuOutput { get; init; } = [];

    /// <summary>From qemu's start to its exit (the guest powers off right after its verdict).</summary>
    public TimeSpan GuestDuration { get; init; }

    /// <summary>The whole stage: test program build, initramfs, guest.</summary>
    public TimeSpan TotalDuration { get; init; }
}
