using System.Globalization;
using Mtcopy.Core;

namespace Mtcopy.Core.Smoke;

/// <summary>
/// The qemu argument list for the smoke guest: TCG (a
/// present /dev/kvm can still hang the guest), one RAM backend and one <c>-numa node</c> per
/// node, no display, no reboot (with <c>panic=-1</c> a panic ends qemu), the console on the
/// first serial port and the KTAP report on the second, both into files.
/// </summary>
public static class QemuCommand
{
    /// <summary>The kernel arguments that come before the extra ones.</summary>
    public static IReadOnlyList<string> BaseKernelArgs { get; } =
        ["console=ttyS0", "panic=-1", "rdinit=/init", "transparent_hugepage=madvise"];

    public static IReadOnlyList<string> Arguments(QemuSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);
        var arguments = new List<string>
        {
            "-accel", "tcg",
            "-m", Size((long)settings.MemoryPerNodeMiB * settings.Nodes),
            "-smp", settings.Vcpus.ToString(CultureInfo.InvariantCulture),
        };
        for (int node = 0; node < settings.Nodes; node++)
        {
            arguments.Add("-object");
            arguments.Add(string.Create(CultureInfo.InvariantCulture, $"memory-backend-ram,id=m{node},size={Size(settings.MemoryPerNodeMiB)}"));
        }

        IReadOnlyList<string?> cpus = CpuRanges(settings.Vcpus, settings.Nodes);
        for (int node = 0; node < settings.Nodes; node++)
        {
            arguments.Add("-numa");
            arguments.Add(cpus[node] is { } range
                ? string.Create(CultureInfo.InvariantCulture, $"node,nodeid={node},cpus={range},memdev=m{node}")
                : string.Create(CultureInfo.InvariantCulture, $"node,nodeid={node},memdev=m{node}"));
        }

        arguments.AddRange(
        [
            "-kernel", settings.KernelPath,
            "-initrd", settings.InitrdPath,
            "-display", "none",
            "-no-reboot",
            "-serial", "file:" + settings.ConsoleLogPath,
            "-serial", "file:" + settings.KtapLogPath,
            "-append", KernelCommandLine(settings),
        ]);
        return arguments;
    }

    /// <summary>The fixed kernel arguments, then the extra ones, separated by spaces.</summary>
    public static string KernelCommandLine(QemuSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.Join(' ', [.. BaseKernelArgs, .. settings.ExtraKernelArgs]);
    }

    /// <summary>
    /// The vCPUs of each node as a qemu range ("0", "2-3"), split as evenly as possible with the
    /// first nodes taking the remainder; null for a node without vCPUs (memory only).
    /// </summary>
    public static IReadOnlyList<string?> CpuRanges(int vcpus, int nodes)
    {
        var ranges = new List<string?>(nodes);
        int next = 0;
        for (int node = 0; node < nodes; node++)
        {
            int count = (vcpus / nodes) + (node < vcpus % nodes ? 1 : 0);
            ranges.Add(count switch
            {
                0 => null,
                1 => next.ToString(CultureInfo.InvariantCulture),
                _ => string.Create(CultureInfo.InvariantCulture, $"{next}-{next + count - 1}"),
            });
            next += count;
        }

        return ranges;
    }

    // 1024 MiB -> "1G", 512 -> "512M": qemu's size suffixes.
    private static string Size(long mib) => mib % 1024 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{mib / 1024}G")
        : string.Create(CultureInfo.InvariantCulture, $"{mib}M");

    private static void Validate(QemuSettings settings)
    {
        if (settings.Nodes < 1 || settings.Vcpus < 1 || settings.MemoryPerNodeMiB < 64)
        {
            throw new UserErrorException(string.Create(CultureInfo.InvariantCulture,
                $"The guest needs at least 1 node, 1 vCPU and 64 MiB per node; got {settings.Nodes} nodes, {settings.Vcpus} vCPUs, {settings.MemoryPerNodeMiB} MiB per node."));
        }

        foreach ((string what, string path) in new[]
        {
            ("kernel", settings.KernelPath), ("initrd", settings.InitrdPath),
            ("console log", settings.ConsoleLogPath), ("KTAP log", settings.KtapLogPath),
        })
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new UserErrorException($"The qemu {what} path is empty.");
            }
        }

        foreach (string argument in settings.ExtraKernelArgs)
        {
            if (string.IsNullOrWhiteSpace(argument) || argument.Contains('\n', StringComparison.Ordinal))
            {
                throw new UserErrorException($"Extra kernel argument '{argument}' is empty or spans lines; pass arguments like 'mtcopy.bench=5'.");
            }
        }
    }
}
