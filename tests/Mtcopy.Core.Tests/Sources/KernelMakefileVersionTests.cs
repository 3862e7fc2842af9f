using Mtcopy.Core.Sources;

namespace Mtcopy.Core.Tests.Sources;

public sealed class KernelMakefileVersionTests
{
    [Fact]
    public void Debian_6_12_makefile()
    {
        const string text = "# SPDX-License-Identifier: GPL-2.0\nVERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 117\nEXTRAVERSION =\nNAME = Baby Opossum Posse\n";
        Assert.True(KernelMakefileVersion.TryParse(text, out string version));
        Assert.Equal("6.12.117", version);
    }

    [Fact]
    public void Release_candidate_keeps_extraversion()
    {
        Assert.True(KernelMakefileVersion.TryParse("VERSION = 6\r\nPATCHLEVEL = 13\r\nSUBLEVEL = 0\r\nEXTRAVERSION = -rc3\r\n", out string version));
        Assert.Equal("6.13.0-rc3", version);
    }

    [Fact]
    public void Missing_sublevel_gives_two_parts()
    {
        Assert.True(KernelMakefileVersion.TryParse("VERSION=2\nPATCHLEVEL=6\n", out string version));
        Assert.Equal("2.6", version);
    }

    [Fact]
    public void First_assignment_wins()
    {
        Assert.True(KernelMakefileVersion.TryParse("VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 2\nfoo:\n\tVERSION = 9\n", out string version));
        Assert.Equal("6.1.2", version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("all:\n\techo hi\n")]
    [InlineData("VERSION = 6\n")]
    [InlineData("VERSION = six\nPATCHLEVEL = 1\n")]
    [InlineData("VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = $(X)\n")]
    [InlineData("KERNELVERSION = 6\nXPATCHLEVEL = 1\n")]
    public void Not_a_kernel_makefile(string text)
    {
        Assert.False(KernelMakefileVersion.TryParse(text, out string version));
        Assert.Equal(string.Empty, version);
    }
}
