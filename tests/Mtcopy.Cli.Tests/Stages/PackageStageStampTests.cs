using Mtcopy.Adapters.Results;
using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// The Package stage's stamp as the stage gathers it (<see cref="PackageStamp.ForAsync"/>, from the earlier stages' state
/// and the repository): recorded as a passing run records it, nothing changed skips and reports the recorded packages;
/// a change to any one input packages again (the test's runner refuses the packaging tools and records them).
/// <see cref="PackageStampTests"/> covers each input of the key itself.
/// </summary>
public sealed class PackageStageStampTests : IDisposable
{
    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task Nothing_changed_skips_with_the_recorded_packages()
    {
        string package = await PackagedBeforeAsync();
        int ran = pipeline.Runner.Ran.Count;

        Assert.Equal("SKIP", await pipeline.RunOkAsync(new PackageStage()));

        Assert.StartsWith("unchanged, skipped: 1 files", pipeline.Recorded("package").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(pipeline.Runner.Ran.Skip(ran), c => !c.StartsWith("dpkg-query ", StringComparison.Ordinal) && !c.StartsWith("git ", StringComparison.Ordinal));
        Assert.True(File.Exists(package));
    }

    [Theory]
    [InlineData("kernel image")]
    [InlineData("module source")]
    [InlineData("manifest")]
    [InlineData("template")]
    [InlineData("config fragment")]
    public async Task A_changed_input_packages_again(string input)
    {
        await PackagedBeforeAsync();
        switch (input)
        {
            case "kernel image":
                File.AppendAllText(Path.Combine(pipeline.OutDir, "smoke", "bzImage"), "another kernel\n");
                break;
            case "module source":
                pipeline.WriteRepo("kmod-src/mtcopy.c", "int mtcopy = 2;\n");
                break;
            case "manifest":
                pipeline.WriteRepo("patches/manifest.yaml", StagePipeline.Manifest(threadsDefault: "8"));
                break;
            case "template":
                pipeline.WriteRepo("templates/dkms/dkms.conf.sbn", "PACKAGE_NAME={{ name }}\nAUTOINSTALL=yes\n");
                break;
            default:
                pipeline.WriteRepo("patches/config/smoke.config", "CONFIG_NUMA=y\nCONFIG_MIGRATION=y\n");
                break;
        }

        int exit = await pipeline.RunAsync(new PackageStage());

        Assert.NotEqual(CliApp.ExitOk, exit);
        Assert.Equal("FAIL", pipeline.Recorded("package").Status);
        Assert.Contains("packaging: changed since the previous run", pipeline.Harness.ConsoleText.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Builds, then records the stamp a passing Package run records, over one package file.</summary>
    private async Task<string> PackagedBeforeAsync()
    {
        pipeline.WriteRepo("templates/dkms/dkms.conf.sbn", "PACKAGE_NAME={{ name }}\n");
        await pipeline.BuildAsync();
        StageContext context = pipeline.Context("package");
        var manifest = context.Series.Manifest!;
        PackageStamp stamp = await PackageStamp.ForAsync(context, manifest, manifest.Modules[0], null, CancellationToken.None);
        string package = pipeline.WriteRepo("artifacts/packages/mtcopy-dkms_0.1.0_all.deb", "deb");
        stamp.Record([package]);
        return package;
    }
}
