using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Cli.Kernel;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Cli.Tests.Kernel;

/// <summary>The kernel-build step on the fake kernel: configure, build and module build run make with the same variables.</summary>
public sealed class KernelBuildTests : IDisposable
{
    private static readonly string[] Compiler = ["CC=ccache gcc", "HOSTCC=ccache gcc"];

    private static readonly KbuildPinnedEnvironment Pinned = BuildIdentity.For(1_756_728_000);

    private readonly FakeKernelTree kernel = new();

    public void Dispose() => kernel.Dispose();

    [Fact]
    public async Task Configure_build_and_module_build_pass_the_same_make_variables()
    {
        var runner = new RecordingRunner();
        var step = new KernelBuild(runner, Compiler, 3);
        string fragment = kernel.WriteFile("smoke.config", "CONFIG_NUMA=y\n");
        var variant = new ConfigVariant("smoke", "x86_64", "tinyconfig", null, [fragment]);
        string module = kernel.WriteFile("kmod/mtcopy.c", "int mtcopy;\n");
        kernel.WriteFile("kmod/Kbuild", "obj-m := mtcopy.o\n");
        KbuildTree tree = step.Tree(kernel.SourceDir, kernel.BuildDir, "x86_64");
        string artifacts = Path.Combine(kernel.Root, "artifacts");

        await step.ConfigureAsync(tree, variant, Path.Combine(kernel.LogDir, "configure.log"), verifyFragment: true, CancellationToken.None);
        await step.BuildAsync(tree, Pinned, Path.Combine(kernel.LogDir, "build.log"), null, CancellationToken.None);
        IReadOnlyList<string> kos = await step.BuildModulesAsync(tree,
            [new ModuleToBuild("mtcopy", Path.GetDirectoryName(module)!, Path.Combine(kernel.Root, "scratch"))], Pinned, kernel.LogDir, artifacts, CancellationToken.None);

        Assert.Equal(["LOCALVERSION=", .. Compiler], step.MakeVariables);
        var makes = runner.Specs.Where(s => s.Program == "make").ToList();
        Assert.Equal(4, makes.Count); // tinyconfig, olddefconfig, bzImage modules, the module
        Assert.All(makes, m => Assert.Equal(step.MakeVariables, m.Arguments.Where(a => step.MakeVariables.Contains(a))));
        Assert.Contains("-j3", makes[2].Arguments);
        Assert.Contains("-j3", makes[3].Arguments);
        Assert.Contains("M=" + Path.Combine(kernel.Root, "scratch"), makes[3].Arguments);
        Assert.Equal([Path.Combine(artifacts, "mtcopy.ko")], kos);
        Assert.Equal("CONFIG_NUMA=y", File.ReadAllLines(Path.Combine(kernel.BuildDir, KernelBuild.FragmentFileName))[1]);
        Assert.True(File.Exists(Path.Combine(kernel.LogDir, "configure.log")));
    }

    [Fact]
    public async Task An_unverified_configure_accepts_a_dropped_option_and_a_verified_one_refuses_it()
    {
        var step = new KernelBuild(new RecordingRunner(), [], 1);
        string fragment = kernel.WriteFile("smoke.config", "CONFIG_FAKE_NEEDS_MISSING_DEP=y\n");
        var variant = new ConfigVariant("smoke", "x86_64", "tinyconfig", null, [fragment]);
        KbuildTree tree = step.Tree(kernel.SourceDir, kernel.BuildDir, "x86_64");

        await step.ConfigureAsync(tree, variant, Path.Combine(kernel.LogDir, "prefix-1-config.log"), verifyFragment: false, CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(kernel.LogDir, "prefix-1-config.log")));
        await Assert.ThrowsAsync<ConfigVerificationException>(() =>
            step.ConfigureAsync(tree, variant, Path.Combine(kernel.LogDir, "configure.log"), verifyFragment: true, CancellationToken.None));
    }
}
