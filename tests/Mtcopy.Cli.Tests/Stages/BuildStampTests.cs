using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;
using Mtcopy.Core.Results;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// The Build stage's stamp (tree, config, source date, make variables, module sources): nothing changed skips with no
/// make call; a change to any one input builds again (a new "bzImage" in the fake kernel's make-calls).
/// </summary>
public sealed class BuildStampTests : IDisposable
{
    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task Nothing_changed_skips_without_a_make_call()
    {
        await pipeline.BuildAsync();
        int calls = pipeline.MakeCalls().Count;

        Assert.Equal("SKIP", await pipeline.RunOkAsync(new BuildStage()));

        Assert.Equal(calls, pipeline.MakeCalls().Count);
    }

    [Theory]
    [InlineData("module source")]
    [InlineData("config")]
    [InlineData("tree")]
    [InlineData("source date")]
    public async Task A_changed_input_builds_again(string input)
    {
        await pipeline.BuildAsync();
        int bzImages = pipeline.MakeCalls().Count(c => c.StartsWith("bzImage", StringComparison.Ordinal));
        switch (input)
        {
            case "module source":
                pipeline.WriteRepo("kmod-src/mtcopy.c", "int mtcopy = 1;\n");
                break;
            case "config":
                pipeline.WriteRepo("patches/config/smoke.config", "CONFIG_NUMA=y\nCONFIG_MIGRATION=y\n");
                break;
            case "tree":
                pipeline.WritePatch("note v2", StagePipeline.PatchDate);
                break;
            default:
                // Only the mail's date: the same tree and config, a later source date (the kernel's build timestamp).
                pipeline.WritePatch("note v1", StagePipeline.PatchDate.AddDays(1));
                break;
        }

        await pipeline.RunOkAsync(new ApplyStage());
        string configure = await pipeline.RunOkAsync(new ConfigureStage());
        Assert.Equal("PASS", await pipeline.RunOkAsync(new BuildStage()));

        Assert.Equal(bzImages + 1, pipeline.MakeCalls().Count(c => c.StartsWith("bzImage", StringComparison.Ordinal)));
        // The tree and source-date rows change only what they name: the config is the same, Configure had nothing to do for the date.
        if (input == "source date")
        {
            Assert.Equal("SKIP", configure);
        }
    }

    [Fact]
    public void Each_input_of_the_key_changes_it()
    {
        var configured = new ConfigureState("/w/linux", new string('a', 40), 1_756_728_000,
            [new ConfiguredVariant("smoke", "x86_64", "/w/build-smoke", "/w/build-smoke/.config", new string('c', 64))]);
        IReadOnlyList<string> make = ["LOCALVERSION="];
        var modules = new Dictionary<string, string> { ["mtcopy"] = new string('m', 64) };
        string key = Key(configured, make, modules);

        Assert.Equal(key, Key(configured, ["LOCALVERSION="], new Dictionary<string, string> { ["mtcopy"] = new string('m', 64) }));
        Assert.NotEqual(key, Key(configured, ["LOCALVERSION=", "CC=ccache gcc", "HOSTCC=ccache gcc"], modules));
        Assert.NotEqual(key, Key(configured with { ResultTree = new string('b', 40) }, make, modules));
        Assert.NotEqual(key, Key(configured with { SourceDateEpoch = 1_756_728_001 }, make, modules));
        Assert.NotEqual(key, Key(configured with { Variants = [configured.Variants[0] with { ConfigSha256 = new string('d', 64) }] }, make, modules));
        Assert.NotEqual(key, Key(configured, make, new Dictionary<string, string> { ["mtcopy"] = new string('n', 64) }));
        Assert.NotEqual(key, Key(configured, make, new Dictionary<string, string>()));
    }

    [Fact]
    public async Task The_make_variables_in_the_key_are_those_the_build_passed_to_make()
    {
        await pipeline.BuildAsync();

        var stamp = new Mtcopy.Adapters.Results.StampStore(pipeline.StateDir).Read("build-smoke");

        Assert.NotNull(stamp);
        string recorded = stamp.Inputs["make_variables"];
        IReadOnlyList<string> makeVariables = pipeline.Context("build").KernelBuild.MakeVariables;
        Assert.Equal(string.Join(" ", makeVariables), recorded);
        Assert.Contains(pipeline.Runner.Ran, c => c.StartsWith("make ", StringComparison.Ordinal) && c.Contains("bzImage", StringComparison.Ordinal)
            && makeVariables.All(v => c.Contains(v, StringComparison.Ordinal)));
    }

    private static string Key(ConfigureState configured, IReadOnlyList<string> make, IReadOnlyDictionary<string, string> modules) =>
        StageFingerprint.Compute("build-smoke", BuildStage.StampInputs(configured, configured.Variants[0], make, modules));
}
