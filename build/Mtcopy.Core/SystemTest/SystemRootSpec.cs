using System.Security.Cryptography;
using System.Text;

namespace Mtcopy.Core.SystemTest;

/// <summary>
/// The system test's Debian root as mmdebstrap makes it: a suite, mmdebstrap's variant and the packages
/// added to it. The cache key hashes all three, so a changed package list makes a new root.
/// </summary>
public sealed record SystemRootSpec(string Suite, string Variant, IReadOnlyList<string> Packages)
{
    /// <summary>
    /// Debian 12 with what the test runs: systemd as init, apt/dpkg (the apt variant), DKMS with the compiler
    /// it builds with, and Debian's own cloud kernel, the "other kernel" the test boots first. libelf1: the
    /// linux-headers .deb that the kernel's bindeb-pkg makes runs objtool (linked with libelf) for every module
    /// build but does not depend on libelf1 (a defect of that package, not fixed yet: see packaging/README.md);
    /// without it DKMS fails with "libelf.so.1: cannot open shared object file".
    /// </summary>
    public static SystemRootSpec Bookworm { get; } = new("bookworm", "apt",
        ["systemd-sysv", "udev", "kmod", "dkms", "gcc", "make", "libc6-dev", "libelf1", "linux-image-cloud-amd64"]);

    /// <summary>The hash of suite, variant and sorted package list: the cached root's name.</summary>
    public string CacheKey()
    {
        string canonical = $"suite={Suite}\nvariant={Variant}\n" + string.Concat(Packages.Order(StringComparer.Ordinal).Select(p => $"package={p}\n"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    /// <summary>The cached root's file name: <c>bookworm-apt-&lt;key&gt;.tar</c>.</summary>
    public string TarballName => $"{Suite}-{Variant}-{CacheKey()}.tar";

    /// <summary>mmdebstrap's arguments that write the root as a tarball to <paramref name="tarPath"/> (the mirror is mmdebstrap's default).</summary>
    public IReadOnlyList<string> MmdebstrapArguments(string tarPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tarPath);
        return ["--variant=" + Variant, "--include=" + string.Join(',', Packages), "--format=tar", Suite, tarPath];
    }
}
