using Mtcopy.Core.Bench;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Core.Tests.Bench;

public sealed class BareCommandPlanTests
{
    private static readonly KbuildTree Tree = new("/k/linux", "/out/work/build-smoke", "x86_64") { ExtraVariables = ["LOCALVERSION="] };
    private static readonly KbuildPinnedEnvironment Pinned = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), "mtcopy", "mtcopy-build");

    [Fact]
    public void Configure_from_a_target_is_the_stages_three_kbuild_steps()
    {
        IReadOnlyList<BenchCommand> commands = BareCommandPlan.Configure(Tree, "tinyconfig", null, "/out/work/build-smoke/mtcopy-fragment.config");

        Assert.Equal(
        [
            BenchCommand.From(KbuildCommands.BaseConfig(Tree, ["tinyconfig"])).CommandLine,
            BenchCommand.From(KbuildCommands.MergeFragment(Tree, "/out/work/build-smoke/mtcopy-fragment.config")).CommandLine,
            BenchCommand.From(KbuildCommands.OldDefconfig(Tree)).CommandLine,
        ], commands.Select(c => c.CommandLine));
        Assert.Equal("make -C /k/linux O=/out/work/build-smoke ARCH=x86_64 LOCALVERSION= tinyconfig", commands[0].CommandLine);
        Assert.Equal("/out/work/build-smoke", commands[1].WorkingDirectory);
        Assert.Equal("x86_64", commands[1].Environment["ARCH"]);
        Assert.Equal("make tinyconfig; merge_config.sh; make olddefconfig", BareCommandPlan.Describe(commands));
    }

    [Fact]
    public void Configure_from_a_full_config_copies_it_first()
    {
        IReadOnlyList<BenchCommand> commands = BareCommandPlan.Configure(Tree, null, "/boot/config-6.12", "/f.config");

        Assert.Equal("cp /boot/config-6.12 /out/work/build-smoke/.config", commands[0].CommandLine);
        Assert.Equal(3, commands.Count);
    }

    [Fact]
    public void Configure_needs_exactly_one_starting_point()
    {
        Assert.Throws<ArgumentException>(() => BareCommandPlan.Configure(Tree, null, null, "/f.config"));
        Assert.Throws<ArgumentException>(() => BareCommandPlan.Configure(Tree, "tinyconfig", "/boot/config", "/f.config"));
    }

    [Fact]
    public void Build_is_the_kernel_then_each_module_with_the_pinned_environment()
    {
        IReadOnlyList<BenchCommand> commands = BareCommandPlan.Build(Tree, 2, Pinned, ["/out/bare/module-mtcopy-smoke"]);

        Assert.Equal(2, commands.Count);
        Assert.Equal("make -C /k/linux O=/out/work/build-smoke ARCH=x86_64 LOCALVERSION= -j2 bzImage modules", commands[0].CommandLine);
        Assert.Equal("make -C /out/work/build-smoke M=/out/bare/module-mtcopy-smoke ARCH=x86_64 -j2 modules", commands[1].CommandLine);
        Assert.Equal("/out/bare/module-mtcopy-smoke", commands[1].WorkingDirectory);
        Assert.All(commands, c => Assert.Equal("mtcopy-build", c.Environment["KBUILD_BUILD_HOST"]));
        Assert.All(commands, c => Assert.False(c.AllowNonZeroExit));
        Assert.Equal("make bzImage modules; make M=<module>", BareCommandPlan.Describe(commands));
    }

    [Fact]
    public void Smoke_compiles_the_test_program_then_boots_qemu_with_its_timeout()
    {
        var qemu = new QemuSettings("/out/work/build-smoke/arch/x86/boot/bzImage", "/out/smoke/smoke/initramfs.cpio.gz", "/b/console.log", "/b/ktap.txt")
        {
            Timeout = TimeSpan.FromSeconds(90),
        };

        IReadOnlyList<BenchCommand> commands = BareCommandPlan.Smoke("/repo/tests/guest/mtcopy-test.c", "/b/mtcopy-test", qemu);

        Assert.Equal("gcc -O2 -Wall -static -o /b/mtcopy-test /repo/tests/guest/mtcopy-test.c", commands[0].CommandLine);
        Assert.Equal("qemu-system-x86_64", commands[1].Program);
        Assert.Equal(QemuCommand.Arguments(qemu), commands[1].Arguments);
        Assert.Equal(TimeSpan.FromSeconds(90), commands[1].Timeout);
        Assert.True(commands[1].AllowNonZeroExit);
        Assert.Equal("gcc; qemu-system-x86_64", BareCommandPlan.Describe(commands));
    }

    [Fact]
    public void Package_builds_both_packages_then_lints_them()
    {
        var paths = new BarePackagePaths("/s/deb/root", "/b/pkg/x_0.1.0_all.deb", "/s/rpm", "/s/rpm/SPECS/x.spec",
            "/s/rpm/RPMS/noarch/x-0.1.0-1.noarch.rpm", "/repo/packaging/rpm/rpmlint.toml", 1_700_000_000);

        IReadOnlyList<BenchCommand> commands = BareCommandPlan.Package(paths);

        Assert.Equal(
        [
            PackagingCommands.DpkgDeb("/s/deb/root", "/b/pkg/x_0.1.0_all.deb", 1_700_000_000).CommandLine,
            PackagingCommands.RpmBuild("/s/rpm", "/s/rpm/SPECS/x.spec", 1_700_000_000).CommandLine,
            PackagingCommands.Lintian("/b/pkg/x_0.1.0_all.deb").CommandLine,
            PackagingCommands.Rpmlint("/s/rpm/RPMS/noarch/x-0.1.0-1.noarch.rpm", "/repo/packaging/rpm/rpmlint.toml").CommandLine,
        ], commands.Select(c => c.CommandLine));
        Assert.Equal("1700000000", commands[0].Environment["SOURCE_DATE_EPOCH"]);
        Assert.Equal([false, false, true, true], commands.Select(c => c.AllowNonZeroExit));
        Assert.Equal("dpkg-deb; rpmbuild; lintian; rpmlint", BareCommandPlan.Describe(commands));
    }
}
