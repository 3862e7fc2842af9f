using Mtcopy.Core.Sources;

namespace Mtcopy.Core.Tests.Sources;

public sealed class SourceCacheKeyTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string OtherSha = "f123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Debian_key_names_package_version_and_deb_hash()
    {
        var key = SourceCacheKey.ForDebianPackage("linux-source-6.12", "6.12.117-1~deb12u1", Sha);
        Assert.Equal("deb-linux-source-6.12-6.12.117-1~deb12u1-0123456789abcdef", key.Value);
        Assert.Equal($"Debian package linux-source-6.12 6.12.117-1~deb12u1 (.deb sha256 {Sha})", key.Description);
    }

    [Fact]
    public void Debian_epoch_colon_is_made_safe_for_a_directory_name()
    {
        var key = SourceCacheKey.ForDebianPackage("linux-source-6.1", "1:6.1.0-1", Sha);
        Assert.Equal("deb-linux-source-6.1-1_6.1.0-1-0123456789abcdef", key.Value);
    }

    [Fact]
    public void Tarball_key_depends_on_name_and_content_hash()
    {
        var key = SourceCacheKey.ForTarball("linux-6.12.tar.xz", Sha);
        Assert.Equal("tarball-linux-6.12-0123456789abcdef", key.Value);
        Assert.Contains(Sha, key.Description, StringComparison.Ordinal);
        Assert.NotEqual(key, SourceCacheKey.ForTarball("linux-6.12.tar.xz", OtherSha));
        Assert.Equal(key, SourceCacheKey.ForTarball("linux-6.12.tar.xz", Sha));
    }

    [Fact]
    public void Directory_key_uses_the_fingerprint()
    {
        var key = SourceCacheKey.ForDirectory("my tree", Sha);
        Assert.Equal("dir-my_tree-0123456789abcdef", key.Value);
    }

    [Fact]
    public void Git_remote_key_hashes_url_and_ref()
    {
        var a = SourceCacheKey.ForGitRemote("git@host:linux.git", "v6.12");
        var b = SourceCacheKey.ForGitRemote("git@host:linux.git", "v6.13");
        var c = SourceCacheKey.ForGitRemote("git@other:linux.git", "v6.12");
        Assert.StartsWith("git-linux-v6.12-", a.Value, StringComparison.Ordinal);
        Assert.NotEqual(a.Value, b.Value);
        Assert.NotEqual(a.Value, c.Value);
        Assert.Equal("Git git@host:linux.git at v6.12", a.Description);
    }

    [Fact]
    public void Git_remote_ref_with_slash_stays_one_directory_name()
    {
        var key = SourceCacheKey.ForGitRemote("file:///tmp/x.git/", "stable/linux-6.12.y");
        Assert.StartsWith("git-x-stable_linux-6.12.y-", key.Value, StringComparison.Ordinal);
        Assert.DoesNotContain('/', key.Value);
    }

    [Fact]
    public void Hashes_must_be_sha256_hex()
    {
        Assert.Throws<ArgumentException>(() => SourceCacheKey.ForTarball("a.tar", "abc"));
        Assert.Throws<ArgumentException>(() => SourceCacheKey.ForTarball("a.tar", Sha.ToUpperInvariant()));
    }

    [Fact]
    public void Sha256Hex_of_text()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SourceCacheKey.Sha256Hex("abc"));
    }
}
