using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class KernelPackageCommandsTests
{
    private static readonly KbuildTree Tree = new("/k/linux", "/k/build-smoke", "x86_64") { ExtraVariables = ["LOCALVERSION="] };
    private static readonly KbuildPinnedEnvironment Pinned = new(DateTimeOffset.FromUnixTimeSeconds(SampleInputs.Epoch), "mtcopy", "mtcopy-build");
    private static readonly PackageMaintainer Maintainer = new PackageMaintainer("Mtcopy Developers", "mtcopy@example.org");
    private static readonly KernelPackageShims Shims = new("/k/pkg-shims", "/usr/bin/date", "/usr/bin/dpkg-deb");

    [Fact]
    public void Bindeb_pkg_runs_in_the_source_tree_with_the_build_dir_and_the_packages_identity()
    {
        KbuildCommand command = KernelPackageCommands.BindebPkg(Tree, SampleInputs.Kernel, Maintainer, Pinned, SampleInputs.Epoch, 2, Shims, "/usr/bin:/bin");

        Assert.Equal("make", command.Program);
        Assert.Equal(["-C", "/k/linux", "O=/k/build-smoke", "ARCH=x86_64", "LOCALVERSION=", "-j2", "bindeb-pkg"], command.Arguments);
        Assert.Equal("6.12.117+mtcopy.0.1.0-1", command.Environment["KDEB_PKGVERSION"]);
        Assert.Equal("linux-mtcopy", command.Environment["KDEB_SOURCENAME"]);
        Assert.Equal(("Mtcopy Developers", "mtcopy@example.org"), (command.Environment["DEBFULLNAME"], command.Environment["DEBEMAIL"]));
        AssertPinned(command);
    }

    [Fact]
    public void Binrpm_pkg_passes_the_reproducibility_defines_through_rpmopts_and_names_the_maintainer_to_mkspec()
    {
        KbuildCommand command = KernelPackageCommands.BinrpmPkg(Tree, SampleInputs.Kernel, Maintainer, Pinned, SampleInputs.Epoch, 1, Shims, "/usr/bin:/bin");

        Assert.Equal("binrpm-pkg", command.Arguments[^1]);
        Assert.Contains(
            "RPMOPTS=--define='_buildhost reproducible' --define='use_source_date_epoch_as_buildtime 1' "
            + "--define='clamp_mtime_to_source_date_epoch 1' --define='_binary_payload w9.gzdio' "
            + "--define='__spec_install_pre %{___build_pre};trap /k/pkg-shims/pin-mtimes EXIT;"
            + "%{__rm} -rf \"%{buildroot}\";%{__mkdir_p} \"%{dirname:%{buildroot}}\";%{__mkdir} \"%{buildroot}\"'",
            command.Arguments);
        Assert.Equal(("user.name", "Mtcopy Developers"), (command.Environment["GIT_CONFIG_KEY_0"], command.Environment["GIT_CONFIG_VALUE_0"]));
        Assert.Equal(("user.email", "mtcopy@example.org"), (command.Environment["GIT_CONFIG_KEY_1"], command.Environment["GIT_CONFIG_VALUE_1"]));
        AssertPinned(command);
    }

    [Fact]
    public void The_version_file_makes_build_version_print_the_build_number()
    {
        Assert.Equal("0\n", KernelPackageCommands.RpmVersionFileContent(SampleInputs.Kernel));
        Assert.Equal("2\n", KernelPackageCommands.RpmVersionFileContent(SampleInputs.FullKernel));
    }

    [Fact]
    public void A_build_number_other_than_the_kernels_kbuild_build_version_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            KernelPackageCommands.BindebPkg(Tree, SampleInputs.FullKernel, Maintainer, Pinned, SampleInputs.Epoch, 1, Shims, null));

        Assert.Contains("would relink the kernel", e.Message, StringComparison.Ordinal);
    }

    private static void AssertPinned(KbuildCommand command)
    {
        Assert.Equal("/k/linux", command.WorkingDirectory);
        Assert.Equal("1735689600", command.Environment["SOURCE_DATE_EPOCH"]);
        Assert.Equal("Wed Jan  1 00:00:00 UTC 2025", command.Environment["KBUILD_BUILD_TIMESTAMP"]);
        Assert.Equal(("mtcopy", "mtcopy-build", "1"),
            (command.Environment["KBUILD_BUILD_USER"], command.Environment["KBUILD_BUILD_HOST"], command.Environment["KBUILD_BUILD_VERSION"]));
        Assert.Null(command.Environment["KCONFIG_CONFIG"]);
        Assert.Equal("/k/pkg-shims:/usr/bin:/bin", command.Environment["PATH"]);
    }
}
