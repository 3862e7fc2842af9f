using Mtcopy.Adapters.Tests.Fixtures;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>
/// A stand-in mtcopy.ko: a real ELF relocatable object (cc -c) with a .modinfo section naming its
/// vermagic, as a kernel module has. Enough for dpkg-deb, rpmbuild, the linters and sign-file,
/// without a kernel tree.
/// </summary>
internal static class FakeModule
{
    public const string Release = "6.12.117-mtcopy";

    public static async Task<string> CompileAsync(TempDirectory temp, string name = "mtcopy")
    {
        string source = temp.Combine(name + ".c");
        await File.WriteAllTextAsync(source, $$"""
            static const char modinfo[] __attribute__((section(".modinfo"), used)) =
                "license=GPL\0vermagic={{Release}} SMP mod_unload \0name={{name}}";
            int init_module(void) { return 0; }
            """);
        string module = temp.Combine(name + ".ko");
        await ToolOutput.LinesAsync("cc", "-c", "-O2", "-o", module, source);
        return module;
    }
}
