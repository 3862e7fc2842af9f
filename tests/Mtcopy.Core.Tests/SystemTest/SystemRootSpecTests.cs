using Mtcopy.Core.SystemTest;

namespace Mtcopy.Core.Tests.SystemTest;

public sealed class SystemRootSpecTests
{
    [Fact]
    public void The_cache_key_ignores_the_order_of_the_packages()
    {
        var a = new SystemRootSpec("bookworm", "apt", ["dkms", "gcc"]);
        var b = new SystemRootSpec("bookworm", "apt", ["gcc", "dkms"]);

        Assert.Equal(a.CacheKey(), b.CacheKey());
    }

    [Fact]
    public void Another_package_suite_or_variant_is_another_root()
    {
        var root = new SystemRootSpec("bookworm", "apt", ["dkms", "gcc"]);

        Assert.NotEqual(root.CacheKey(), (root with { Packages = ["dkms", "gcc", "make"] }).CacheKey());
        Assert.NotEqual(root.CacheKey(), (root with { Suite = "trixie" }).CacheKey());
        Assert.NotEqual(root.CacheKey(), (root with { Variant = "minbase" }).CacheKey());
    }

    [Fact]
    public void Bookworm_root_has_what_the_guest_runs()
    {
        SystemRootSpec root = SystemRootSpec.Bookworm;

        Assert.Equal("bookworm", root.Suite);
        Assert.Subset(new HashSet<string>(root.Packages), new HashSet<string> { "systemd-sysv", "dkms", "gcc", "make" });
        Assert.StartsWith("bookworm-apt-", root.TarballName, StringComparison.Ordinal);
        Assert.EndsWith(".tar", root.TarballName, StringComparison.Ordinal);
    }

    [Fact]
    public void Mmdebstrap_writes_a_tarball_of_the_suite_with_the_packages()
    {
        IReadOnlyList<string> args = new SystemRootSpec("bookworm", "apt", ["dkms", "gcc"]).MmdebstrapArguments("/c/root.tar.partial");

        Assert.Equal(["--variant=apt", "--include=dkms,gcc", "--format=tar", "bookworm", "/c/root.tar.partial"], args);
    }
}
