using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class KernelPackageModelTests
{
    [Fact]
    public void Names_and_versions_are_those_bindeb_pkg_and_binrpm_pkg_write()
    {
        KernelPackageModel spec = KernelPackageModel.Create("6.12.117-mtcopy", "x86_64", "mtcopy", "0.1.0", 1);

        Assert.Equal("6.12.117+mtcopy.0.1.0-1", spec.DebVersion);
        Assert.Equal(
            ["linux-image-6.12.117-mtcopy_6.12.117+mtcopy.0.1.0-1_amd64.deb",
             "linux-headers-6.12.117-mtcopy_6.12.117+mtcopy.0.1.0-1_amd64.deb",
             "linux-libc-dev_6.12.117+mtcopy.0.1.0-1_amd64.deb"],
            spec.DebFiles);
        Assert.Equal(
            ["kernel-6.12.117_mtcopy-1.x86_64.rpm", "kernel-devel-6.12.117_mtcopy-1.x86_64.rpm", "kernel-headers-6.12.117_mtcopy-1.x86_64.rpm"],
            spec.RpmFiles);
        Assert.Equal("6.12.117_mtcopy-1", spec.RpmVersionRelease);
        Assert.Equal("kernel-6.12.117-mtcopy", spec.RpmReleaseCapability);
        Assert.Equal("linux-mtcopy", spec.DebSourceName);
    }

    [Fact]
    public void Arm64_and_a_release_candidate_map_to_debian_and_rpm_arches_and_the_build_number()
    {
        KernelPackageModel spec = KernelPackageModel.Create("6.13.0-rc1-mtcopy", "arm64", "mtcopy", "0.2.0~rc1", 3);

        Assert.Equal(("arm64", "aarch64"), (spec.DebArch, spec.RpmArch));
        Assert.Equal("6.13.0+mtcopy.0.2.0~rc1-3", spec.DebVersion);
        Assert.Equal("kernel-6.13.0_rc1_mtcopy-3.aarch64.rpm", spec.KernelRpmFile);
    }

    [Fact]
    public void Every_bad_input_is_reported_at_once()
    {
        var e = Assert.Throws<PackageInputException>(() => KernelPackageModel.Create("6.12 mtcopy", "riscv", "mtcopy", "0.1.0", 0));

        Assert.Equal(3, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.StartsWith("kernel release '6.12 mtcopy'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("kernel ARCH 'riscv'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("build number 0", StringComparison.Ordinal));
    }
}
