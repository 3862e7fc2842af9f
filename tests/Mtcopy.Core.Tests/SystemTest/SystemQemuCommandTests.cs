using Mtcopy.Core.SystemTest;

namespace Mtcopy.Core.Tests.SystemTest;

public sealed class SystemQemuCommandTests
{
    [Fact]
    public void The_guest_boots_its_disk_on_tcg_with_two_nodes_and_two_serial_files()
    {
        IReadOnlyList<string> args = SystemQemuCommand.Arguments(new SystemBoot("/w/disk.ext4", "/w/vmlinuz", null, "/r/console.log", "/r/report.txt"));
        string line = string.Join(' ', args);

        Assert.Contains("-accel tcg", line, StringComparison.Ordinal);
        Assert.Contains("-drive file=/w/disk.ext4,if=virtio,format=raw", line, StringComparison.Ordinal);
        Assert.Contains("-numa node,nodeid=1,cpus=1,memdev=m1", line, StringComparison.Ordinal);
        Assert.Contains("-serial file:/r/console.log -serial file:/r/report.txt", line, StringComparison.Ordinal);
        Assert.Contains("-no-reboot", args);
        Assert.DoesNotContain("-initrd", args);
        Assert.Equal(SystemQemuCommand.KernelCommandLine, args[^1]);
        Assert.Contains("root=/dev/vda", args[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Debian_s_kernel_boots_with_its_initrd()
    {
        IReadOnlyList<string> args = SystemQemuCommand.Arguments(new SystemBoot("/w/disk.ext4", "/w/vmlinuz", "/w/initrd", "/r/c", "/r/k"));

        int at = args.ToList().IndexOf("-initrd");
        Assert.Equal("/w/initrd", args[at + 1]);
    }
}
