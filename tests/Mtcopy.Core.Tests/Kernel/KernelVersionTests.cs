using Mtcopy.Core;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Core.Tests.Kernel;

public sealed class KernelVersionTests
{
    private const string Makefile = """
        # SPDX-License-Identifier: GPL-2.0
        VERSION = 6
        PATCHLEVEL = 12
        SUBLEVEL = 117
        EXTRAVERSION =
        NAME = Baby Opossum Posse

        # *DOCUMENTATION*
        KERNELVERSION = $(VERSION)$(if $(PATCHLEVEL),.$(PATCHLEVEL)$(if $(SUBLEVEL),.$(SUBLEVEL)))$(EXTRAVERSION)
        """;

    [Fact]
    public void Reads_version_from_top_level_makefile()
    {
        KernelVersion version = KernelVersion.FromMakefile(Makefile);

        Assert.Equal(new KernelVersion(6, 12, 117), version);
        Assert.Equal("6.12.117", version.ToString());
    }

    [Fact]
    public void Keeps_extraversion()
    {
        string rc = Makefile.Replace("SUBLEVEL = 117", "SUBLEVEL = 0", StringComparison.Ordinal)
            .Replace("EXTRAVERSION =", "EXTRAVERSION = -rc3", StringComparison.Ordinal);

        Assert.Equal("6.12.0-rc3", KernelVersion.FromMakefile(rc).ToString());
    }

    [Fact]
    public void Makefile_without_version_is_a_user_error()
    {
        var error = Assert.Throws<UserErrorException>(() => KernelVersion.FromMakefile("all:\n\techo hi\n", "/src/Makefile"));

        Assert.IsAssignableFrom<UserErrorException>(error);
        Assert.Contains("/src/Makefile", error.Message, StringComparison.Ordinal);
        Assert.Contains("VERSION", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6.12.117", "6.12.118")]
    [InlineData("6.9.1", "6.12.0")]
    [InlineData("5.15.200", "6.1.0")]
    [InlineData("6.13.0-rc1", "6.13.0-rc2")]
    [InlineData("6.13.0-rc7", "6.13.0")]
    [InlineData("6.13.0", "6.13.0-custom")]
    public void Orders_versions(string lower, string higher)
    {
        KernelVersion a = KernelVersion.Parse(lower);
        KernelVersion b = KernelVersion.Parse(higher);

        Assert.True(a < b);
        Assert.True(b > a);
        Assert.True(a.CompareTo(b) < 0);
        Assert.True(b.CompareTo(a) > 0);
    }

    [Fact]
    public void Two_part_version_has_sublevel_zero()
    {
        Assert.Equal(new KernelVersion(6, 12, 0), KernelVersion.Parse("6.12"));
        Assert.True(KernelVersion.Parse("6.12") >= new KernelVersion(6, 12, 0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("six")]
    [InlineData("6")]
    [InlineData("6.x.1")]
    public void Rejects_non_versions(string text) => Assert.False(KernelVersion.TryParse(text, out _));

    [Fact]
    public void Parses_kernel_release_file()
    {
        KernelRelease release = KernelRelease.Parse("6.12.117-mtcopy+\n");

        Assert.Equal("6.12.117-mtcopy+", release.Value);
        Assert.Equal(new KernelVersion(6, 12, 117), release.Version.WithoutExtra());
        Assert.Equal("-mtcopy+", release.Version.ExtraVersion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("6.12.117\n6.12.118\n")]
    [InlineData("garbage")]
    public void Bad_kernel_release_file_is_a_user_error(string text) =>
        Assert.Throws<UserErrorException>(() => KernelRelease.Parse(text, "o/include/config/kernel.release"));
}
