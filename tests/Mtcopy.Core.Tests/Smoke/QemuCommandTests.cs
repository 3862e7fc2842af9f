using Mtcopy.Core.Smoke;
using Mtcopy.Core;

namespace Mtcopy.Core.Tests.Smoke;

public sealed class QemuCommandTests
{
    private static QemuSettings Settings() =>
        new("/out/build/arch/x86/boot/bzImage", "/out/smoke/tiny/initramfs.cpio.gz", "/out/smoke/tiny/console.log", "/out/smoke/tiny/ktap.txt");

    [Fact]
    public void Defaults_match_run_qemu_sh()
    {
        Assert.Equal(
        [
            "-accel", "tcg", "-m", "1G", "-smp", "4",
            "-object", "memory-backend-ram,id=m0,size=512M", "-object", "memory-backend-ram,id=m1,size=512M",
            "-numa", "node,nodeid=0,cpus=0-1,memdev=m0", "-numa", "node,nodeid=1,cpus=2-3,memdev=m1",
            "-kernel", "/out/build/arch/x86/boot/bzImage", "-initrd", "/out/smoke/tiny/initramfs.cpio.gz",
            "-display", "none", "-no-reboot",
            "-serial", "file:/out/smoke/tiny/console.log", "-serial", "file:/out/smoke/tiny/ktap.txt",
            "-append", "console=ttyS0 panic=-1 rdinit=/init transparent_hugepage=madvise",
        ], QemuCommand.Arguments(Settings()));
        Assert.Equal("qemu-system-x86_64", Settings().Program);
        Assert.Equal(TimeSpan.FromSeconds(120), Settings().Timeout);
    }

    [Fact]
    public void Bigger_layout_and_extra_kernel_arguments()
    {
        QemuSettings settings = Settings() with
        {
            MemoryPerNodeMiB = 768,
            Nodes = 3,
            Vcpus = 4,
            ExtraKernelArgs = ["mtcopy.bench=5", "loglevel=4"],
        };

        IReadOnlyList<string> arguments = QemuCommand.Arguments(settings);

        Assert.Equal(["-accel", "tcg", "-m", "2304M", "-smp", "4"], arguments.Take(6));
        Assert.Equal(
        [
            "-object", "memory-backend-ram,id=m0,size=768M", "-object", "memory-backend-ram,id=m1,size=768M",
            "-object", "memory-backend-ram,id=m2,size=768M",
            "-numa", "node,nodeid=0,cpus=0-1,memdev=m0", "-numa", "node,nodeid=1,cpus=2,memdev=m1",
            "-numa", "node,nodeid=2,cpus=3,memdev=m2",
        ], arguments.Skip(6).Take(12));
        Assert.Equal("console=ttyS0 panic=-1 rdinit=/init transparent_hugepage=madvise mtcopy.bench=5 loglevel=4", arguments[^1]);
    }

    [Theory]
    [InlineData(2, 2, new[] { "0", "1" })]
    [InlineData(8, 2, new[] { "0-3", "4-7" })]
    [InlineData(5, 2, new[] { "0-2", "3-4" })]
    [InlineData(1, 2, new[] { "0", null })]
    public void Cpu_ranges(int vcpus, int nodes, string?[] expected) =>
        Assert.Equal(expected, QemuCommand.CpuRanges(vcpus, nodes));

    [Fact]
    public void A_node_without_cpus_is_memory_only()
    {
        IReadOnlyList<string> arguments = QemuCommand.Arguments(Settings() with { Vcpus = 1 });

        Assert.Contains("node,nodeid=1,memdev=m1", arguments);
    }

    [Theory]
    [InlineData(0, 2, 512)]
    [InlineData(2, 0, 512)]
    [InlineData(2, 2, 32)]
    public void Impossible_layouts_are_user_errors(int nodes, int vcpus, int mib)
    {
        var error = Assert.Throws<UserErrorException>(() =>
            QemuCommand.Arguments(Settings() with { Nodes = nodes, Vcpus = vcpus, MemoryPerNodeMiB = mib }));
        Assert.IsAssignableFrom<UserErrorException>(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\nb")]
    public void Bad_extra_arguments_are_user_errors(string argument) =>
        Assert.Throws<UserErrorException>(() => QemuCommand.Arguments(Settings() with { ExtraKernelArgs = [argument] }));

    [Fact]
    public void Test_program_compiles_static()
    {
        Assert.Equal("gcc", GuestTestProgram.Compiler);
        Assert.Equal(
            ["-O2", "-Wall", "-static", "-o", "/out/mtcopy-test", "/src/tests/guest/mtcopy-test.c"],
            GuestTestProgram.CompileArguments("/src/tests/guest/mtcopy-test.c", "/out/mtcopy-test"));
    }
}
