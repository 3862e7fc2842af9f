using Mtcopy.Adapters.Tests.Fixtures;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// A stand-in linux-headers-&lt;release&gt; .deb (dpkg-deb from a staged tree), laid out as bindeb-pkg's:
/// /usr/src/linux-headers-&lt;release&gt; with a Makefile whose <c>modules</c> target "builds" an external
/// module by copying a prepared .ko into M=, a scripts/sign-file that appends the signature marker
/// (as the real one ends), include/ (dkms checks for it) and the /lib/modules/&lt;release&gt;/build link.
/// Real dkms runs against it.
/// </summary>
internal static class FakeHeadersPackage
{
    public static async Task<string> BuildAsync(TempDirectory temp, string release, string module)
    {
        string root = temp.Combine("headers-root");
        string headers = Path.Combine(root, "usr", "src", "linux-headers-" + release);
        Directory.CreateDirectory(Path.Combine(headers, "scripts"));
        Directory.CreateDirectory(Path.Combine(headers, "include", "config"));
        await File.WriteAllTextAsync(Path.Combine(headers, "include", "config", "auto.conf"), "CONFIG_OFFC_MIGRATION=y\n");
        Directory.CreateDirectory(Path.Combine(root, "DEBIAN"));
        await File.WriteAllTextAsync(Path.Combine(root, "DEBIAN", "control"), $"""
            Package: linux-headers-{release}
            Version: 1
            Architecture: amd64
            Maintainer: Test <test@example.org>
            Description: fake kernel headers for mtcopy's tests

            """);
        File.Copy(module, Path.Combine(headers, "prebuilt.ko"));
        await File.WriteAllTextAsync(Path.Combine(headers, "Makefile"), string.Join('\n',
            "modules:", "\tcp $(CURDIR)/prebuilt.ko $(M)/mtcopy.ko", "clean:", "\trm -f $(M)/mtcopy.ko", ""));
        await File.WriteAllTextAsync(Path.Combine(headers, "scripts", "sign-file"),
            "#!/bin/sh\n# fake sign-file HASH KEY CERT MODULE\nprintf '%s' '~Module signature appended~\n' >> \"$4\"\n");
        Directory.CreateDirectory(Path.Combine(root, "lib", "modules", release));
        File.CreateSymbolicLink(Path.Combine(root, "lib", "modules", release, "build"), "/usr/src/linux-headers-" + release);
        await ToolOutput.LinesAsync("chmod", "-R", "go-w,+r", root);
        await ToolOutput.LinesAsync("chmod", "0755", Path.Combine(headers, "scripts", "sign-file"));

        string deb = temp.Combine($"linux-headers-{release}_1_amd64.deb");
        await ToolOutput.LinesAsync("dpkg-deb", "--root-owner-group", "--build", root, deb);
        return deb;
    }
}
