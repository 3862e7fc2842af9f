namespace Mtcopy.Core.Smoke;

/// <summary>
/// How to boot the smoke guest: kernel and initramfs, NUMA layout (<see cref="Nodes"/> nodes of
/// <see cref="MemoryPerNodeMiB"/> each, the vCPUs split between them), the two serial ports'
/// files (ttyS0: console, ttyS1: KTAP), extra kernel arguments and the host-side timeout.
/// </summary>
public sealed record QemuSettings(string KernelPath, string InitrdPath, string ConsoleLogPath, string KtapLogPath)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public string Program { get; init; } = "qemu-system-x86_64";

    public int MemoryPerNodeMiB { get; init; } = 512;

    public int Nodes { get; init; } = 2;

    /// <summary>Two per node by default, so that a migrator's copies really run in parallel.</summary>
    public int Vcpus { get; init; } = 4;

    /// <summary>Appended to the kernel command line after the fixed arguments, e.g. <c>mtcopy.bench=5</c>.</summary>
    public IReadOnlyList<string> ExtraKernelArgs { get; init; } = [];

    /// <summary>Not a qemu argument: how long the host lets the guest run before killing it.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}
