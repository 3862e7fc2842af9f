using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// The Configure stage's stamp (tree, arch, starting config, fragments): nothing changed skips with no make call; a
/// change to any one input configures again (the fake kernel's make-calls show the starting config made again).
/// </summary>
public sealed class ConfigureStampTests : IDisposable
{
    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task Nothing_changed_skips_without_a_make_call()
    {
        await pipeline.BuildAsync();
        var calls = pipeline.MakeCalls();

        Assert.Equal("SKIP", await pipeline.RunOkAsync(new ConfigureStage()));

        Assert.Equal(calls, pipeline.MakeCalls());
    }

    [Theory]
    [InlineData("fragment", "tinyconfig")]
    [InlineData("tree", "tinyconfig")]
    [InlineData("starting config", "defconfig")]
    public async Task A_changed_input_configures_again(string input, string startingTarget)
    {
        await pipeline.BuildAsync();
        int calls = pipeline.MakeCalls().Count;
        switch (input)
        {
            case "fragment":
                pipeline.WriteRepo("patches/config/smoke.config", "CONFIG_NUMA=y\nCONFIG_MIGRATION=y\n");
                break;
            case "tree":
                pipeline.WritePatch("note v2", StagePipeline.PatchDate);
                await pipeline.RunOkAsync(new ApplyStage());
                break;
            default:
                pipeline.WriteRepo("patches/manifest.yaml", StagePipeline.Manifest(configBase: startingTarget));
                break;
        }

        Assert.Equal("PASS", await pipeline.RunOkAsync(new ConfigureStage()));

        var added = pipeline.MakeCalls().Skip(calls).ToList();
        Assert.Equal([$"{startingTarget} ARCH=x86_64", "merge ARCH=x86_64", "olddefconfig ARCH=x86_64"],
            added.Select(c => c.StartsWith("merge ", StringComparison.Ordinal) ? c[..c.IndexOf(" cwd=", StringComparison.Ordinal)] : c));
    }
}
