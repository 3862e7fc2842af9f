using System.Text;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class PackageSmokePartsTests
{
    [Fact]
    public void Deb_contents_are_paths_without_dot_slash_and_symlinks_without_their_target()
    {
        string[] lines =
        [
            "drwxr-xr-x root/root         0 2025-01-01 00:00 ./",
            "drwxr-xr-x root/root         0 2025-01-01 00:00 ./usr/src/linux-headers-6.12.117-mtcopy/",
            "-rw-r--r-- root/root     18997 2025-01-01 00:00 ./usr/src/linux-headers-6.12.117-mtcopy/include/config/auto.conf",
            "lrwxrwxrwx root/root         0 2025-01-01 00:00 ./lib/modules/6.12.117-mtcopy/build -> /usr/src/linux-headers-6.12.117-mtcopy",
        ];

        Assert.Equal(
            ["usr/src/linux-headers-6.12.117-mtcopy/", "usr/src/linux-headers-6.12.117-mtcopy/include/config/auto.conf", "lib/modules/6.12.117-mtcopy/build"],
            DebContents.Parse(lines));
    }

    [Fact]
    public void A_line_that_is_not_a_contents_line_is_an_error() =>
        Assert.Throws<FormatException>(() => DebContents.Parse(["dpkg-deb: error: not a Debian format archive"]));

    [Fact]
    public void Tree_listing_shows_what_was_added_apart_from_ignored_prefixes()
    {
        IReadOnlyList<string> added = TreeListing.Added(
            ["usr/", "usr/src/"],
            ["usr/", "usr/src/", "var/lib/rpm/rpmdb.sqlite", "usr/src/mtcopy-0.1.0/", "lib/"],
            ["var/lib/rpm/"]);

        Assert.Equal(["lib/", "usr/src/mtcopy-0.1.0/"], added);
    }

    [Fact]
    public void Vermagic_is_read_from_the_modinfo_strings()
    {
        byte[] module = Encoding.ASCII.GetBytes("\u007fELF junk vermagic=not-this\0license=GPL\0vermagic=6.12.117-mtcopy SMP mod_unload \0name=mtcopy\0");

        string? vermagic = ModuleInfo.Vermagic(module);

        Assert.Equal("6.12.117-mtcopy SMP mod_unload ", vermagic);
        Assert.True(ModuleInfo.IsFor(vermagic, "6.12.117-mtcopy"));
        Assert.False(ModuleInfo.IsFor(vermagic, "6.12.117"));
        Assert.Null(ModuleInfo.Vermagic(Encoding.ASCII.GetBytes("no modinfo here")));
    }

    [Fact]
    public void A_signed_module_ends_with_the_marker()
    {
        byte[] unsigned = Encoding.ASCII.GetBytes("\u007fELF module");
        byte[] signed = [.. unsigned, .. "pkcs7"u8, .. Encoding.ASCII.GetBytes(ModuleSignature.Marker)];

        Assert.False(ModuleSignature.IsSigned(unsigned));
        Assert.True(ModuleSignature.IsSigned(signed));
        Assert.False(ModuleSignature.IsSigned(signed.AsSpan(0, signed.Length - 1)));
    }

    [Fact]
    public void Sign_file_is_called_the_way_the_kernels_modules_sign_does()
    {
        ToolCommand command = ModuleSignature.SignFile("/b/scripts/sign-file", new ModuleSigningKey("/k/key.pem", "/k/cert.der"), "/m/mtcopy.ko");

        Assert.Equal("/b/scripts/sign-file", command.Program);
        Assert.Equal(["sha256", "/k/key.pem", "/k/cert.der", "/m/mtcopy.ko"], command.Arguments);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("", "  ", false)]
    [InlineData("key.pem", "cert.der", true)]
    public void Signing_options_come_both_or_neither(string? key, string? certificate, bool signing) =>
        Assert.Equal(signing, ModuleSigningKey.FromOptions(key, certificate) is not null);

    [Theory]
    [InlineData("key.pem", null, "--sign-key is given without --sign-cert")]
    [InlineData(null, "cert.der", "--sign-cert is given without --sign-key")]
    public void One_signing_option_alone_says_what_is_missing(string? key, string? certificate, string message)
    {
        var e = Assert.Throws<UserErrorException>(() => ModuleSigningKey.FromOptions(key, certificate));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declined_build_does_not_fail_the_report_but_a_failed_check_does()
    {
        var declined = new PackageSmokeCheck("deb/dkms_declines_unpatched", PackageSmokeStatus.Declined, "exit 77");
        var passed = PackageSmokeCheck.Pass("deb/dkms_add", "exit 0");

        Assert.True(new PackageSmokeReport([passed, declined], [], [], null).Passed);
        Assert.False(new PackageSmokeReport([passed, declined, PackageSmokeCheck.Fail("deb/purge_leaves_nothing", "left: x")], [], [], null).Passed);
        Assert.False(new PackageSmokeReport([], [], [], null).Passed);
        Assert.Equal("DECLINED deb/dkms_declines_unpatched: exit 77", declined.ToString());
    }
}
