using System.Globalization;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Core.SystemTest;

/// <summary>One boot of the system test's guest: the disk image, the kernel (and initrd) to boot, where the two serial ports go.</summary>
public sealed record SystemBoot(string ImagePath, string KernelPath, string? InitrdPath, string ConsoleLogPath, string ReportLogPath)
{
    public int MemoryPerNodeMiB { get; init; } = 1024;

    public int Vcpus { get; init; } = 2;
}

/// <summary>
/// qemu's arguments for the system test: TCG, two NUMA nodes (the migration check moves pages to node 1),
/// the ext4 image as a virtio disk, root on it, no reboot (the guest powers off after each phase), the
/// console on the first serial port and the step report on the second.
/// </summary>
public static class SystemQemuCommand
{
    public const int Nodes = 2;

    public static IReadOnlyList<string> Arguments(SystemBoot boot)
    {
        ArgumentNullException.ThrowIfNull(boot);
        var arguments = new List<string>
        {
            "-accel", "tcg",
            "-m", string.Create(CultureInfo.InvariantCulture, $"{boot.MemoryPerNodeMiB * Nodes}M"),
            "-smp", boot.Vcpus.ToString(CultureInfo.InvariantCulture),
        };
        IReadOnlyList<string?> cpus = QemuCommand.CpuRanges(boot.Vcpus, Nodes);
        for (int node = 0; node < Nodes; node++)
        {
            arguments.AddRange(["-object", string.Create(CultureInfo.InvariantCulture, $"memory-backend-ram,id=m{node},size={boot.MemoryPerNodeMiB}M")]);
            arguments.AddRange(["-numa", cpus[node] is { } range
                ? string.Create(CultureInfo.InvariantCulture, $"node,nodeid={node},cpus={range},memdev=m{node}")
                : string.Create(CultureInfo.InvariantCulture, $"node,nodeid={node},memdev=m{node}")]);
        }

        arguments.AddRange(["-drive", $"file={boot.ImagePath},if=virtio,format=raw", "-kernel", boot.KernelPath]);
        if (boot.InitrdPath is { } initrd)
        {
            arguments.AddRange(["-initrd", initrd]);
        }

        arguments.AddRange(
        [
            "-nic", "none",
            "-display", "none",
            "-no-reboot",
            "-serial", "file:" + boot.ConsoleLogPath,
            "-serial", "file:" + boot.ReportLogPath,
            "-append", KernelCommandLine,
        ]);
        return arguments;
    }

    /// <summary>Root on the virtio disk, console on the first serial port, a panic ends qemu, THP on madvise as the smoke guest has it.</summary>
    public const string KernelCommandLine = "root=/dev/vda rw console=ttyS0 panic=-1 transparent_hugepage=madvise";
}
