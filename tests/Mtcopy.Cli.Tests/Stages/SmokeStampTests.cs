using Mtcopy.Adapters.Results;
using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// The Smoke stage's stamp (kernel image, modules, guest sources, sysfs contract). The stamp a passing boot would
/// record is recorded here (no guest boots in these tests): nothing changed skips without starting a program; a change
/// to any one input goes for the guest again (the test's runner refuses the guest's first program, gcc, and records it).
/// </summary>
public sealed class SmokeStampTests : IDisposable
{
    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task Nothing_changed_skips_without_starting_the_guest()
    {
        await PassedBeforeAsync();

        Assert.Equal("SKIP", await pipeline.RunOkAsync(new SmokeStage()));

        Assert.Empty(pipeline.Runner.Refused);
    }

    [Theory]
    [InlineData("kernel image")]
    [InlineData("module")]
    [InlineData("guest source")]
    [InlineData("sysfs contract")]
    public async Task A_changed_input_boots_again(string input)
    {
        await PassedBeforeAsync();
        switch (input)
        {
            case "kernel image":
                File.AppendAllText(Path.Combine(pipeline.OutDir, "smoke", "bzImage"), "another kernel\n");
                break;
            case "module":
                File.AppendAllText(Path.Combine(pipeline.OutDir, "smoke", "mtcopy.ko"), "another module\n");
                break;
            case "guest source":
                pipeline.WriteRepo("tests/guest/mtcopy-test.c", "int main(void) { return 1; }\n");
                break;
            default:
                pipeline.WriteRepo("patches/manifest.yaml", StagePipeline.Manifest(threadsDefault: "8"));
                break;
        }

        int exit = await pipeline.RunAsync(new SmokeStage());

        Assert.NotEqual(CliApp.ExitOk, exit);
        Assert.Equal("FAIL", pipeline.Recorded("smoke").Status);
        Assert.True(pipeline.Runner.Refused.Count > 0, pipeline.Recorded("smoke").Message);
    }

    /// <summary>Builds, then records the stamp the Smoke stage records after a passing boot, over a KTAP file.</summary>
    private async Task PassedBeforeAsync()
    {
        await pipeline.BuildAsync();
        StageContext context = pipeline.Context("smoke");
        var built = StateFile.Read<BuildState>(context.Layout.StateDir, BuildStage.StateName);
        var module = context.Series.Manifest!.Modules[0];
        string contract = Mtcopy.Core.Smoke.SysfsContractFile.Render(module.Sysfs!);
        SmokeStamp stamp = SmokeStamp.For(context.Layout, built.Variants[0], SmokeStamp.GuestHash(context.Layout), contract);
        string ktap = pipeline.WriteRepo("artifacts/smoke-ktap.txt", "KTAP version 1\n1..1\nok 1 boot\n");
        new StampStore(pipeline.StateDir).Record(stamp.Name, stamp.Key, stamp.Inputs, [ktap]);
    }
}
