using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Smoke;
using Mtcopy.Adapters.Tests.Fixtures;

namespace Mtcopy.Adapters.Tests.Smoke;

public sealed class GuestTestModuleBuildTests : IDisposable
{
    private readonly FakeKernelTree _kernel = new();

    public GuestTestModuleBuildTests()
    {
        Directory.CreateDirectory(_kernel.BuildDir);
        File.WriteAllText(Path.Combine(_kernel.BuildDir, ".config"), "CONFIG_64BIT=y\n");
    }

    public void Dispose() => _kernel.Dispose();

    private string GuestSources()
    {
        _kernel.WriteFile("guest/init", "#!/bin/busybox sh\n");
        _kernel.WriteFile("guest/offc-test/Kbuild", "obj-m += offc_test.o\n");
        _kernel.WriteFile("guest/offc-test/offc_test.c", "// test migrator\n");
        // A directory that is no guest test module is left alone.
        _kernel.WriteFile("guest/oops/oops.c", "// not listed\n");
        return Path.Combine(_kernel.Root, "guest");
    }

    [Fact]
    public async Task Builds_offc_test_out_of_tree_in_a_scratch_copy()
    {
        await new KernelBuilder(new RecordingRunner()).BuildAsync(new KernelBuildRequest(_kernel.Tree, _kernel.LogDir) { Jobs = 1 });
        string guest = GuestSources();
        string scratch = Path.Combine(_kernel.Root, "out", "guest-modules");

        IReadOnlyList<string> modules = await new GuestRunner(new RecordingRunner()).BuildTestModulesAsync(
            new GuestTestModulesRequest(_kernel.BuildDir, guest, scratch, _kernel.LogDir) { Jobs = 1 });

        Assert.Equal([Path.Combine(scratch, "offc-test", "offc_test.ko")], modules);
        Assert.False(File.Exists(Path.Combine(guest, "offc-test", "offc_test.ko")));
        Assert.True(File.Exists(Path.Combine(_kernel.LogDir, "offc-test", KernelBuilder.ModuleLogFileName)));
    }

    [Fact]
    public async Task Guest_sources_without_test_modules_build_nothing()
    {
        var runner = new RecordingRunner();

        IReadOnlyList<string> modules = await new GuestRunner(runner).BuildTestModulesAsync(
            new GuestTestModulesRequest(_kernel.BuildDir, Path.Combine(_kernel.Root, "no-guest"), _kernel.Root + "/out", _kernel.LogDir));

        Assert.Empty(modules);
    }
}
