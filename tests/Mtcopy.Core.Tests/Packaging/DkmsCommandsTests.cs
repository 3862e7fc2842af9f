using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class DkmsCommandsTests
{
    private static readonly DkmsTrees Trees = new("/s/root");
    private static readonly DkmsTarget Target = new("mtcopy", "0.1.0", "6.12.117-mtcopy", "x86_64", "/s/root/usr/src/linux-headers-6.12.117-mtcopy");

    [Fact]
    public void Every_command_is_confined_to_the_scratch_trees()
    {
        ToolCommand[] commands =
        [
            DkmsCommands.Add(Trees, "mtcopy", "0.1.0"),
            DkmsCommands.Build(Trees, Target, null),
            DkmsCommands.Install(Trees, Target, null),
            DkmsCommands.Remove(Trees, "mtcopy", "0.1.0"),
            DkmsCommands.Status(Trees, "mtcopy"),
        ];

        Assert.All(commands, c => Assert.Equal(
            ["--sourcetree", "/s/root/usr/src", "--dkmstree", "/s/root/var/lib/dkms", "--installtree", "/s/root/lib/modules"],
            c.Arguments.TakeLast(6)));
    }

    [Fact]
    public void Builds_name_the_kernel_and_its_build_dir_and_install_and_remove_skip_the_hosts_depmod()
    {
        Assert.Equal(["build", "-m", "mtcopy", "-v", "0.1.0", "-k", "6.12.117-mtcopy/x86_64", "--kernelsourcedir", Target.KernelSourceDir],
            DkmsCommands.Build(Trees, Target, null).Arguments.SkipLast(6));
        Assert.Contains("--no-depmod", DkmsCommands.Install(Trees, Target, null).Arguments);
        Assert.Equal(["remove", "-m", "mtcopy", "-v", "0.1.0", "--all", "--no-depmod"], DkmsCommands.Remove(Trees, "mtcopy", "0.1.0").Arguments.SkipLast(6));
    }

    [Fact]
    public void Without_a_key_sign_file_points_nowhere_so_dkms_neither_signs_nor_makes_a_key()
    {
        ToolCommand build = DkmsCommands.Build(Trees, Target, null);

        Assert.Equal("/s/root/no-sign-file", build.Environment["sign_file"]);
        Assert.Null(build.Environment["mok_signing_key"]);
        Assert.Null(build.Environment["mok_certificate"]);
    }

    [Fact]
    public void With_a_key_the_framework_conf_variables_carry_it()
    {
        var signing = new DkmsSigning("/h/scripts/sign-file", new ModuleSigningKey("/k/key.pem", "/k/cert.der"));

        ToolCommand install = DkmsCommands.Install(Trees, Target, signing);

        Assert.Equal(("/h/scripts/sign-file", "/k/key.pem", "/k/cert.der"),
            (install.Environment["sign_file"], install.Environment["mok_signing_key"], install.Environment["mok_certificate"]));
    }

    [Fact]
    public void Module_paths_follow_dkms_layout()
    {
        Assert.Equal("/s/root/var/lib/dkms/mtcopy/0.1.0/6.12.117-mtcopy/x86_64/module/mtcopy.ko", DkmsCommands.BuiltModulePath(Trees, Target, "mtcopy"));
        Assert.Equal("/s/root/lib/modules/6.12.117-mtcopy/updates/dkms/mtcopy.ko", DkmsCommands.InstalledModulePath(Trees, Target, "mtcopy"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("relative/root")]
    public void The_host_root_or_a_relative_path_is_no_scratch_root(string root) =>
        Assert.Throws<ArgumentException>(() => new DkmsTrees(root));
}
