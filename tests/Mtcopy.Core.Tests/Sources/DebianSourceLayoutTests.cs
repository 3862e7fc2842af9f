using Mtcopy.Core.Sources;

namespace Mtcopy.Core.Tests.Sources;

public sealed class DebianSourceLayoutTests
{
    [Fact]
    public void Finds_the_series_tarball_among_package_files()
    {
        string[] files =
        [
            "./usr/share/doc/linux-source-6.12/changelog.Debian.gz",
            "./usr/src/linux-source-6.12.tar.xz",
            "./usr/src/linux-config-6.12/config.amd64_none_amd64.xz",
        ];
        Assert.Equal("usr/src/linux-source-6.12.tar.xz", DebianSourceLayout.FindSourceTarball(files, "6.12", "pkg"));
    }

    [Fact]
    public void Series_must_match_exactly()
    {
        string[] files = ["usr/src/linux-source-6.1.tar.xz", "usr/src/linux-source-6.12.tar.xz"];
        Assert.Equal("usr/src/linux-source-6.1.tar.xz", DebianSourceLayout.FindSourceTarball(files, "6.1", "pkg"));
    }

    [Fact]
    public void Wrong_series_names_what_the_package_has()
    {
        string[] files = ["usr/src/linux-source-6.1.tar.xz", "usr/share/doc/x"];
        var error = Assert.Throws<KernelFetchException>(() =>
            DebianSourceLayout.FindSourceTarball(files, "6.12", "Debian package linux-source-6.1 6.1.1-1"));
        Assert.Contains("usr/src/linux-source-6.12.tar.xz", error.Message, StringComparison.Ordinal);
        Assert.Contains("only usr/src/linux-source-6.1.tar.xz", error.Message, StringComparison.Ordinal);
        Assert.Contains("Debian package linux-source-6.1 6.1.1-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_tarball_at_all()
    {
        var error = Assert.Throws<KernelFetchException>(() => DebianSourceLayout.FindSourceTarball(["usr/share/doc/x"], "6.12", "pkg"));
        Assert.Contains("no linux-source tarball at all", error.Message, StringComparison.Ordinal);
    }
}
