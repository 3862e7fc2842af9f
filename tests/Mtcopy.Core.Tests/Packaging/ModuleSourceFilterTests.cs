using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class ModuleSourceFilterTests
{
    [Theory]
    [InlineData("mtcopy.c", true)]
    [InlineData("Kbuild", true)]
    [InlineData("Makefile", true)]
    [InlineData("include/mtcopy.h", true)]
    [InlineData("mtcopy.o", false)]
    [InlineData("mtcopy.ko", false)]
    [InlineData("mtcopy.mod", false)]
    [InlineData("mtcopy.mod.c", false)]
    [InlineData(".mtcopy.o.cmd", false)]
    [InlineData("Module.symvers", false)]
    [InlineData("modules.order", false)]
    [InlineData(".git/config", false)]
    [InlineData("mtcopy.c~", false)]
    public void Keeps_source_and_drops_kbuild_outputs(string path, bool expected)
    {
        Assert.Equal(expected, ModuleSourceFilter.IsSource(path));
    }
}
