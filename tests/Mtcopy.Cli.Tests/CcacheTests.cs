namespace Mtcopy.Cli.Tests;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CcacheTests : IDisposable
{
    private readonly string bin = Directory.CreateTempSubdirectory("mtcopy-ccache-").FullName;

    public void Dispose() => Directory.Delete(bin, recursive: true);

    [Fact]
    public void Without_ccache_on_PATH_kbuild_gets_nothing()
    {
        Assert.Empty(Ccache.MakeVariables(bin, ("/c/ccache", "/o")));
    }

    [Fact]
    public void With_ccache_CC_and_HOSTCC_are_the_same_and_the_cache_is_shared_across_output_directories()
    {
        string ccache = Path.Combine(bin, Ccache.Program);
        File.WriteAllText(ccache, "#!/bin/sh\n");
        File.SetUnixFileMode(ccache, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        // binrpm-pkg leaves out kernel-devel when CC and HOSTCC differ.
        Assert.Equal(["CC=ccache gcc", "HOSTCC=ccache gcc", "CCACHE_DIR=/c/ccache", "CCACHE_BASEDIR=/o"], Ccache.MakeVariables(bin, ("/c/ccache", "/o")));
        Assert.Equal(["CC=ccache gcc", "HOSTCC=ccache gcc"], Ccache.MakeVariables(bin, null));
    }
}
