using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>Configure's and Build's RunAsync on the fake kernel: the make steps in order, the artifacts, the state; an option Kconfig drops fails Configure.</summary>
public sealed class ConfigureBuildStageTests : IDisposable
{
    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task Configure_then_build_make_the_kernel_and_module_and_record_them()
    {
        await pipeline.RunOkAsync(new FetchStage());
        await pipeline.RunOkAsync(new ApplyStage());

        Assert.Equal("PASS", await pipeline.RunOkAsync(new ConfigureStage()));
        string config = File.ReadAllText(Path.Combine(pipeline.OutDir, "work", "build-smoke", ".config"));
        Assert.Contains("CONFIG_NUMA=y", config, StringComparison.Ordinal);
        Assert.Contains("CONFIG_LOCALVERSION=\"-mtcopy\"", config, StringComparison.Ordinal);

        Assert.Equal("PASS", await pipeline.RunOkAsync(new BuildStage()));

        Assert.Equal(["tinyconfig ARCH=x86_64", "merge", "olddefconfig ARCH=x86_64", "bzImage ARCH=x86_64"],
            pipeline.MakeCalls().Select(c => c.StartsWith("merge ", StringComparison.Ordinal) ? "merge" : c));
        var built = StateFile.Read<BuildState>(pipeline.StateDir, BuildStage.StateName);
        BuiltVariant smoke = Assert.Single(built.Variants);
        Assert.Equal("6.12.117-fake", smoke.KernelRelease);
        Assert.StartsWith("built ", File.ReadAllText(smoke.Image), StringComparison.Ordinal);
        Assert.Equal("fake\n", File.ReadAllText(Assert.Single(smoke.Modules)));
        Assert.Equal(Path.Combine(pipeline.OutDir, "smoke", "mtcopy.ko"), smoke.Modules[0]);
        Assert.Contains("smoke: built Linux 6.12.117-fake", pipeline.Recorded("build").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_Kconfig_drops_fails_Configure_and_names_it()
    {
        pipeline.WriteRepo("patches/config/smoke.config", "CONFIG_NUMA=y\nCONFIG_FAKE_NEEDS_MISSING_DEP=y\n");
        await pipeline.RunOkAsync(new FetchStage());
        await pipeline.RunOkAsync(new ApplyStage());

        int exit = await pipeline.RunAsync(new ConfigureStage());

        Assert.NotEqual(CliApp.ExitOk, exit);
        (string status, string message) = pipeline.Recorded("configure");
        Assert.Equal("FAIL", status);
        Assert.Contains("CONFIG_FAKE_NEEDS_MISSING_DEP", message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(pipeline.StateDir, "configure.json")));
    }
}
