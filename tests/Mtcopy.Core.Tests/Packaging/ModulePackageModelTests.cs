using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class ModulePackageModelTests
{
    [Fact]
    public void Names_depend_on_exactly_the_kernel_packages_built_with_the_module()
    {
        ModulePackageModel model = SampleInputs.Modules("manifest");

        Assert.Equal("mtcopy-modules-6.12.117-mtcopy", model.ModulesDeb);
        Assert.Equal("mtcopy-modules", model.ModulesDebVirtual);
        Assert.Equal("mtcopy-modules-6.12.117-mtcopy_0.1.0+k01234567_amd64.deb", model.DebFileName);
        Assert.Equal("kmod-mtcopy-0.1.0-1.k01234567.x86_64.rpm", model.RpmFileName);
        Assert.Equal("kmod-mtcopy-6.12.117-mtcopy-0.1.0-1.k01234567.x86_64.rpm", model.KmodRpmFileName);
        Assert.Equal("mtcopy-kmod", model.KmodCapability);
        Assert.Equal("/usr/lib/modules/6.12.117-mtcopy/extra/mtcopy/mtcopy.ko", model.RpmModuleFile);
        Assert.Equal(("linux-image-6.12.117-mtcopy", "6.12.117+mtcopy.0.1.0-1"), (model.KernelImageDeb, model.KernelDebVersion));
        Assert.Equal("6.12.117_mtcopy-1", model.KernelRpmVersionRelease);
        Assert.Equal("/lib/modules/6.12.117-mtcopy/updates/mtcopy.ko", model.ModuleFile);
        Assert.False(model.IsSigned);
    }

    [Fact]
    public void A_release_that_cannot_be_part_of_a_package_name_is_refused()
    {
        KernelPackageModel upper = KernelPackageModel.Create("6.12.117-MtCopy", "x86_64", "mtcopy", "0.1.0", 1);

        var e = Assert.Throws<PackageInputException>(() => new ModulePackageModel(SampleInputs.Manifest, SampleInputs.Epoch, upper, isSigned: false, SampleInputs.KernelImageSha256));

        Assert.Contains("mtcopy-modules-6.12.117-MtCopy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Versions_change_when_the_kernel_build_changes()
    {
        ModulePackageModel one = SampleInputs.Modules("manifest");
        var other = new ModulePackageModel(SampleInputs.Manifest, SampleInputs.Epoch, SampleInputs.Kernel, isSigned: false,
            "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");

        Assert.Equal(one.KernelDebVersion, other.KernelDebVersion);
        Assert.NotEqual(one.DebVersion, other.DebVersion);
        Assert.NotEqual(one.Release, other.Release);
    }
}
