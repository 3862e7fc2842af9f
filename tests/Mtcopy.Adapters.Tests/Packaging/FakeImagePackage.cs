using Mtcopy.Adapters.Tests.Fixtures;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// A stand-in linux-image-&lt;release&gt; .deb: /lib/modules/&lt;release&gt;/modules.order and, with <c>shipsModule</c>,
/// the in-tree kernel/drivers/migoffcopy/mtcopy/mtcopy.ko a kernel built with CONFIG_MTCOPY_CPU=m ships.
/// </summary>
internal static class FakeImagePackage
{
    public static async Task<string> BuildAsync(TempDirectory temp, string release, bool shipsModule)
    {
        string name = shipsModule ? "image-with-module" : "image";
        string root = temp.Combine(name + "-root");
        string modules = Path.Combine(root, "lib", "modules", release);
        Directory.CreateDirectory(Path.Combine(root, "DEBIAN"));
        Directory.CreateDirectory(modules);
        await File.WriteAllTextAsync(Path.Combine(modules, "modules.order"), "kernel/drivers/x.ko\n");
        if (shipsModule)
        {
            string driver = Path.Combine(modules, "kernel", "drivers", "migoffcopy", "mtcopy");
            Directory.CreateDirectory(driver);
            await File.WriteAllTextAsync(Path.Combine(driver, "mtcopy.ko"), "module\n");
        }

        await File.WriteAllTextAsync(Path.Combine(root, "DEBIAN", "control"), $"""
            Package: linux-image-{release}
            Version: 1
            Architecture: amd64
            Maintainer: Test <test@example.org>
            Description: fake kernel image for mtcopy's tests

            """);
        await ToolOutput.LinesAsync("chmod", "-R", "go-w,+r", root);
        string deb = temp.Combine($"{name}/linux-image-{release}_1_amd64.deb");
        Directory.CreateDirectory(Path.GetDirectoryName(deb)!);
        await ToolOutput.LinesAsync("dpkg-deb", "--root-owner-group", "--build", root, deb);
        return deb;
    }
}
