using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Smoke;
using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// The Smoke stage over a guest that reports what the test tells it to (<see cref="StageContext.Guest"/>): the stage's
/// verdict, message, details and stamp follow the KTAP the guest wrote, and it hands the guest the built kernel and module.
/// </summary>
public sealed class SmokeStageTests : IDisposable
{
    private const string Passing = "KTAP version 1\n1..2\nok 1 module_load\nok 2 sysfs_threads_rw\n";

    private const string OneCaseFails = "KTAP version 1\n1..2\nok 1 module_load\nnot ok 2 sysfs_threads_rw\n";

    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task A_guest_that_reports_a_failed_case_fails_the_stage_and_names_the_case()
    {
        await pipeline.BuildAsync();
        var guest = new ScriptedGuest(OneCaseFails);

        int exit = await RunAsync(guest);

        (string status, string message) = pipeline.Recorded("smoke");
        Assert.NotEqual(CliApp.ExitOk, exit);
        Assert.Equal("FAIL", status);
        Assert.Contains("1 of 2 tests failed: sysfs_threads_rw", message, StringComparison.Ordinal);
        Assert.Contains("failed: smoke/sysfs_threads_rw", message, StringComparison.Ordinal);
        Assert.DoesNotContain("failed: smoke/module_load", message, StringComparison.Ordinal);

        // Nothing was stamped: the next run boots again.
        await RunAsync(guest);
        Assert.Equal(2, guest.Boots.Count);
    }

    [Fact]
    public async Task A_passing_guest_passes_with_each_case_recorded_and_the_same_kernel_is_not_booted_again()
    {
        await pipeline.BuildAsync();
        var guest = new ScriptedGuest(Passing);

        int exit = await RunAsync(guest);
        Assert.True(exit == CliApp.ExitOk, pipeline.Harness.ConsoleText.ToString());
        Assert.Equal("PASS", pipeline.Recorded("smoke").Status);
        Assert.Contains("smoke: Pass, 2 tests", pipeline.Recorded("smoke").Message, StringComparison.Ordinal);

        GuestRunRequest boot = Assert.Single(guest.Boots);
        Assert.Equal("smoke", boot.ConfigName);
        Assert.Equal("mtcopy.ko", Path.GetFileName(boot.ModulePath));
        Assert.True(File.Exists(boot.ModulePath), boot.ModulePath);
        Assert.Contains("dir /sys/kernel/cpu_mt", boot.ContractText, StringComparison.Ordinal);
        Assert.Equal(guest.TestModules, boot.TestModulePaths);
        Assert.Equal(QemuSettings.DefaultTimeout, boot.Timeout);
        // The test modules are built with the context's kernel-build step, against the kernel with Build's make variables.
        (IKernelBuild step, GuestTestModulesRequest modules) = Assert.Single(guest.ModuleBuilds);
        Assert.IsType<KernelBuild>(step);
        BuildState built = StateFile.Read<BuildState>(pipeline.StateDir, BuildStage.StateName);
        Assert.Equal(built.Variants[0].BuildDir, modules.Tree.BuildDir);
        Assert.Equal(built.MakeVariables, modules.Tree.ExtraVariables);
        Assert.Contains("LOCALVERSION=", modules.Tree.ExtraVariables);

        Assert.Equal(CliApp.ExitOk, await RunAsync(guest));
        Assert.Equal("SKIP", pipeline.Recorded("smoke").Status);
        Assert.Single(guest.Boots);
    }

    private Task<int> RunAsync(IGuestRunner guest)
    {
        StageContext context = pipeline.Context("smoke");
        return CliApp.RunStageAsync(new SmokeStage(),
            new StageContext(context.Options, context.Layout, context.Runner, context.Console, context.Metadata) { Guest = guest }, CancellationToken.None);
    }

    /// <summary>A guest whose every boot writes <paramref name="ktap"/> to its KTAP file, judged by the real evaluator, and its JUnit.</summary>
    private sealed class ScriptedGuest(string ktap) : IGuestRunner
    {
        public List<GuestRunRequest> Boots { get; } = [];

        public IReadOnlyList<string> TestModules { get; } = ["/guest-modules/offc-test/offc_test.ko"];

        public List<(IKernelBuild Step, GuestTestModulesRequest Request)> ModuleBuilds { get; } = [];

        public Task<IReadOnlyList<string>> BuildTestModulesAsync(IKernelBuild kernelBuild, GuestTestModulesRequest request, Action<string>? onLine,
            CancellationToken cancellationToken)
        {
            ModuleBuilds.Add((kernelBuild, request));
            return Task.FromResult(TestModules);
        }

        public Task<GuestRunResult> RunAsync(GuestRunRequest request, Action<string>? onLine, CancellationToken cancellationToken)
        {
            Boots.Add(request);
            string directory = Directory.CreateDirectory(GuestRunner.SmokeDirectory(request.OutDir, request.ConfigName)).FullName;
            string ktapPath = Path.Combine(directory, GuestRunner.KtapFileName);
            File.WriteAllText(ktapPath, ktap);
            SmokeReport report = SmokeEvaluator.Evaluate(new SmokeEvidence(request.ConfigName)
            {
                KtapText = ktap,
                ConsoleText = "[    1.000000] booted\n",
                QemuExitCode = 0,
                GuestDuration = TimeSpan.FromSeconds(3),
            });
            string junitPath = Path.Combine(directory, GuestRunner.JunitFileName);
            File.WriteAllText(junitPath, JunitWriter.Write(request.ConfigName, report.Ktap, report.GuestFailure));
            return Task.FromResult(new GuestRunResult(report, directory, ktapPath, Path.Combine(directory, GuestRunner.ConsoleFileName),
                junitPath, Path.Combine(directory, GuestRunner.InitramfsFileName)));
        }
    }
}
