using Mtcopy.Core.Sources;

namespace Mtcopy.Core.Tests.Sources;

public sealed class DebianPackagePinTests
{
    [Fact]
    public void Pinned_apt_argument_and_cache_name()
    {
        var pin = new DebianPackagePin("linux-source-6.12", "6.12.117-1~deb12u1");
        Assert.Equal("linux-source-6.12=6.12.117-1~deb12u1", pin.ToAptArgument());
        Assert.Equal("linux-source-6.12_6.12.117-1~deb12u1.deb", pin.CacheFileName(pin.Version!));
    }

    [Fact]
    public void Epoch_is_escaped_like_apt_does()
    {
        var pin = new DebianPackagePin("linux-source-6.1", "1:6.1.0-1");
        Assert.Equal("linux-source-6.1_1%3a6.1.0-1.deb", pin.CacheFileName("1:6.1.0-1"));
    }

    [Fact]
    public void Default_is_the_unpinned_linux_source_package()
    {
        var pin = DebianPackagePin.DefaultFor("7.2");
        Assert.Equal("linux-source-7.2", pin.Package);
        Assert.Null(pin.Version);
        Assert.Equal("linux-source-7.2", pin.ToAptArgument());
    }

    [Theory]
    [InlineData("Linux-Source", null)]
    [InlineData("-o=foo", null)]
    [InlineData("linux-source-6.12", "")]
    [InlineData("linux-source-6.12", "v6.12")]
    [InlineData("linux-source-6.12", "6.12 1")]
    [InlineData("linux-source-6.12", "6.12/x")]
    public void Invalid_names_and_versions_are_user_errors(string package, string? version)
    {
        Assert.Throws<KernelFetchException>(() => new DebianPackagePin(package, version));
    }
}
