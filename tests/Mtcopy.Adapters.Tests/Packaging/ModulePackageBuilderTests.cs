using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Process;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Tests.Packaging;

public sealed class ModulePackageBuilderTests(ModulePackagingFixture fixture) : IClassFixture<ModulePackagingFixture>
{
    [Fact]
    public void Packages_are_named_for_the_kernel_and_byte_identical_when_built_twice()
    {
        Assert.Equal(
            ["mtcopy-modules-6.12.117-mtcopy_0.1.0+k01234567_amd64.deb", "kmod-mtcopy-0.1.0-1.k01234567.x86_64.rpm",
             "kmod-mtcopy-6.12.117-mtcopy-0.1.0-1.k01234567.x86_64.rpm"],
            fixture.First.Packages.Select(Path.GetFileName));
        Assert.Equal(File.ReadAllBytes(fixture.First.Deb), File.ReadAllBytes(fixture.Second.Deb));
        Assert.Equal(File.ReadAllBytes(fixture.First.Rpm), File.ReadAllBytes(fixture.Second.Rpm));
        Assert.Equal(File.ReadAllBytes(fixture.First.KmodRpm), File.ReadAllBytes(fixture.Second.KmodRpm));
    }

    [Fact]
    public void Dkms_packages_are_byte_identical_too_when_the_epoch_is_later_than_the_clock()
    {
        Assert.Equal(File.ReadAllBytes(fixture.DkmsFirst.Rpm), File.ReadAllBytes(fixture.DkmsSecond.Rpm));
        Assert.Equal(File.ReadAllBytes(fixture.DkmsFirst.Deb), File.ReadAllBytes(fixture.DkmsSecond.Deb));
        Assert.Equal(File.ReadAllBytes(fixture.DkmsFirst.Debian.Dsc), File.ReadAllBytes(fixture.DkmsSecond.Debian.Dsc));
        Assert.Equal(File.ReadAllBytes(fixture.DkmsFirst.Debian.DebianTarball), File.ReadAllBytes(fixture.DkmsSecond.Debian.DebianTarball));
        Assert.Equal(File.ReadAllBytes(fixture.DkmsFirst.Tarball), File.ReadAllBytes(fixture.DkmsSecond.Tarball));
    }

    [Fact]
    public async Task Deb_depends_on_exactly_the_kernel_image_and_installs_the_module_byte_for_byte_under_updates()
    {
        IReadOnlyList<string> fields = await ToolOutput.LinesAsync("dpkg-deb", "--field", fixture.First.Deb, "Package", "Architecture", "Depends", "Provides");
        using var extracted = new Fixtures.TempDirectory();
        await ToolOutput.LinesAsync("dpkg-deb", "--extract", fixture.First.Deb, extracted.Path);

        Assert.Equal(
            ["Package: mtcopy-modules-6.12.117-mtcopy", "Architecture: amd64",
             "Depends: kmod, linux-image-6.12.117-mtcopy (= 6.12.117+mtcopy.0.1.0-1)", "Provides: mtcopy-modules"],
            fields);
        Assert.Equal(File.ReadAllBytes(fixture.Module), File.ReadAllBytes(extracted.Combine("lib/modules/6.12.117-mtcopy/updates/mtcopy.ko")));
    }

    [Fact]
    public async Task Deb_maintainer_scripts_run_depmod_for_that_kernel()
    {
        using var control = new Fixtures.TempDirectory();
        await ToolOutput.LinesAsync("dpkg-deb", "--control", fixture.First.Deb, control.Path);

        Assert.Contains("        depmod -a 6.12.117-mtcopy\n", await File.ReadAllTextAsync(control.Combine("postinst")), StringComparison.Ordinal);
        Assert.Contains("            depmod -a 6.12.117-mtcopy\n", await File.ReadAllTextAsync(control.Combine("postrm")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rpm_requires_the_kernels_exact_version_release_and_owns_only_the_module()
    {
        IReadOnlyList<string> files = await ToolOutput.RpmQueryAsync(fixture.First.KmodRpm, RpmQueryKind.Files);
        IReadOnlyList<string> requires = await ToolOutput.RpmQueryAsync(fixture.First.KmodRpm, RpmQueryKind.Requires);
        IReadOnlyList<string> provides = await ToolOutput.RpmQueryAsync(fixture.First.KmodRpm, RpmQueryKind.Provides);
        IReadOnlyList<string> metaRequires = await ToolOutput.RpmQueryAsync(fixture.First.Rpm, RpmQueryKind.Requires);
        string scripts = string.Join('\n', await ToolOutput.RpmQueryAsync(fixture.First.KmodRpm, RpmQueryKind.Scripts));

        Assert.Equal(
            ["/usr/lib/modules/6.12.117-mtcopy/extra", "/usr/lib/modules/6.12.117-mtcopy/extra/mtcopy", "/usr/lib/modules/6.12.117-mtcopy/extra/mtcopy/mtcopy.ko"],
            files);
        Assert.Contains("kernel = 6.12.117_mtcopy-1", requires);
        Assert.Contains("mtcopy-kmod = 0.1.0-1.k01234567", provides);
        Assert.Contains("kmod-mtcopy-6.12.117-mtcopy = 0.1.0-1.k01234567", metaRequires);
        Assert.Contains("/sbin/depmod -a 6.12.117-mtcopy || :", scripts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lintian_and_rpmlint_report_no_error_or_warning()
    {
        var linter = new PackageLinter(new ProcessRunner());

        LintReport deb = await linter.LintDebAsync(fixture.First.Deb);
        Assert.True(deb.Status == LintStatus.Passed, deb.Describe() + "\n" + string.Join('\n', deb.Output));
        foreach (string package in new[] { fixture.First.Rpm, fixture.First.KmodRpm })
        {
            LintReport rpm = await linter.LintRpmAsync(package, RepositoryFiles.PathOf(PackageLinter.RpmlintConfig));
            Assert.True(rpm.Status == LintStatus.Passed, rpm.Describe() + "\n" + string.Join('\n', rpm.Output));
        }
    }

    [Fact]
    public void Rpmbuild_is_told_the_target_arch()
    {
        ProcessSpec rpmbuild = fixture.Runner.Specs.Single(s => s.Program == "rpmbuild");

        Assert.Equal(["--target", "x86_64"], rpmbuild.Arguments.SkipLast(1).TakeLast(2));
    }
}
