using Mtcopy.Core;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Core.Tests.Kernel;

public sealed class KbuildCommandsTests
{
    private static readonly KbuildTree Tree = new("/src/linux", "/out/build", "x86_64");

    [Fact]
    public void Base_config_is_make_with_O_and_ARCH()
    {
        KbuildCommand command = KbuildCommands.BaseConfig(Tree, ["tinyconfig"]);

        Assert.Equal("make", command.Program);
        Assert.Equal(["-C", "/src/linux", "O=/out/build", "ARCH=x86_64", "tinyconfig"], command.Arguments);
        Assert.True(command.Environment.ContainsKey("KCONFIG_CONFIG"));
        Assert.Null(command.Environment["KCONFIG_CONFIG"]);
    }

    [Fact]
    public void Merge_runs_the_kernel_script_in_the_build_dir_with_arch_in_env()
    {
        KbuildCommand command = KbuildCommands.MergeFragment(Tree, "/cfg/mtcopy.config");

        Assert.Equal("sh", command.Program);
        Assert.Equal(
            ["/src/linux/scripts/kconfig/merge_config.sh", "-m", "-O", "/out/build", "/out/build/.config", "/cfg/mtcopy.config"],
            command.Arguments);
        Assert.Equal("/out/build", command.WorkingDirectory);
        Assert.Equal("x86_64", command.Environment["ARCH"]);
    }

    [Fact]
    public void Olddefconfig_with_extra_variables()
    {
        KbuildTree tree = Tree with { ExtraVariables = ["W=1", "LLVM=1"] };

        Assert.Equal(
            ["-C", "/src/linux", "O=/out/build", "ARCH=x86_64", "W=1", "LLVM=1", "olddefconfig"],
            KbuildCommands.OldDefconfig(tree).Arguments);
    }

    [Fact]
    public void Build_pins_the_reproducibility_environment()
    {
        var pinned = new KbuildPinnedEnvironment(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), "mtcopy", "builder");

        KbuildCommand command = KbuildCommands.Build(Tree, 2, pinned: pinned);

        Assert.Equal(["-C", "/src/linux", "O=/out/build", "ARCH=x86_64", "-j2", "bzImage", "modules"], command.Arguments);
        Assert.Equal("Thu Jan  2 03:04:05 UTC 2025", command.Environment["KBUILD_BUILD_TIMESTAMP"]);
        Assert.Equal("mtcopy", command.Environment["KBUILD_BUILD_USER"]);
        Assert.Equal("builder", command.Environment["KBUILD_BUILD_HOST"]);
        Assert.Equal("1", command.Environment["KBUILD_BUILD_VERSION"]);
    }

    [Fact]
    public void Timestamp_pads_single_digit_days_like_date()
    {
        var pinned = new KbuildPinnedEnvironment(new DateTimeOffset(2024, 11, 26, 23, 0, 1, TimeSpan.FromHours(2)), "u", "h");

        Assert.Equal("Tue Nov 26 21:00:01 UTC 2024", pinned.TimestampText);
    }

    [Fact]
    public void External_module_build_runs_in_the_kernel_build_dir()
    {
        KbuildCommand command = KbuildCommands.ExternalModule("/out/build", "/tmp/scratch/mod", "x86_64", 4);

        Assert.Equal(["-C", "/out/build", "M=/tmp/scratch/mod", "ARCH=x86_64", "-j4", "modules"], command.Arguments);
    }

    [Theory]
    [InlineData("-f")]
    [InlineData("O=/elsewhere")]
    [InlineData("two words")]
    [InlineData("")]
    public void Rejects_target_names_that_are_options(string target) =>
        Assert.Throws<UserErrorException>(() => KbuildCommands.BaseConfig(Tree, [target]));

    [Fact]
    public void Rejects_relative_paths_and_bad_arch()
    {
        Assert.Throws<ArgumentException>(() => new KbuildTree("linux", "/out", "x86_64"));
        Assert.Throws<UserErrorException>(() => new KbuildTree("/src", "/out", "x86 64"));
        Assert.Throws<UserErrorException>(() => Tree with { ExtraVariables = ["-k"] });
    }
}
