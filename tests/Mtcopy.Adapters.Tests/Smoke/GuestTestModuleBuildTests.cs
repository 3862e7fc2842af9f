using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Smoke;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Tests.Smoke;

public sealed class GuestTestModuleBuildTests : IDisposable
{
    private static readonly KbuildPinnedEnvironment Pinned = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), "mtcopy", "buildhost");

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
        var step = new KernelBuild(new RecordingRunner(), ["CC=ccache gcc"], 1);
        KbuildTree tree = step.Tree(_kernel.SourceDir, _kernel.BuildDir, "x86_64");
        await step.BuildAsync(tree, Pinned, Path.Combine(_kernel.LogDir, KernelBuild.BuildLogFileName), null, CancellationToken.None);
        string guest = GuestSources();
        string scratch = Path.Combine(_kernel.Root, "out", "guest-modules");
        var runner = new RecordingRunner();

        IReadOnlyList<string> modules = await new GuestRunner(runner).BuildTestModulesAsync(new KernelBuild(runner, [], 1),
            new GuestTestModulesRequest(tree, guest, scratch, _kernel.LogDir) { Pinned = Pinned });

        Assert.Equal([Path.Combine(scratch, "offc-test", "offc_test.ko")], modules);
        Assert.False(File.Exists(Path.Combine(guest, "offc-test", "offc_test.ko")));
        Assert.True(File.Exists(Path.Combine(_kernel.LogDir, "offc-test", KernelBuild.ModuleLogFileName)));
        // The same make variables as the kernel's build (the tree's), so kbuild sees one command line.
        ProcessSpec make = Assert.Single(runner.Specs);
        Assert.Equal(["LOCALVERSION=", "CC=ccache gcc"], make.Arguments.Where(a => step.MakeVariables.Contains(a)));
        Assert.Contains("M=" + Path.Combine(scratch, "offc-test"), make.Arguments);
    }

    [Fact]
    public async Task Guest_sources_without_test_modules_build_nothing()
    {
        var runner = new RecordingRunner();

        IReadOnlyList<string> modules = await new GuestRunner(runner).BuildTestModulesAsync(new KernelBuild(runner, [], 1),
            new GuestTestModulesRequest(_kernel.Tree, Path.Combine(_kernel.Root, "no-guest"), _kernel.Root + "/out", _kernel.LogDir));

        Assert.Empty(modules);
    }
}
