using Mtcopy.Adapters.Kernel;
using Mtcopy.Cli.Stages;
using Mtcopy.Cli.Tests.Fixtures;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Cli.Tests.Stages;

/// <summary>
/// Stages build through the kernel-build step <see cref="StageContext.KernelBuild"/> gives them: a test hands in its
/// own step and sees the stage use it, its make variables and its failures.
/// </summary>
public sealed class StageKernelBuildTests : IDisposable
{
    private readonly StagePipeline pipeline = new();

    public void Dispose() => pipeline.Dispose();

    [Fact]
    public async Task Build_makes_the_kernel_and_modules_through_the_step_it_is_given_with_the_steps_variables()
    {
        await pipeline.RunOkAsync(new FetchStage());
        await pipeline.RunOkAsync(new ApplyStage());
        await pipeline.RunOkAsync(new ConfigureStage());
        var step = new RecordingKernelBuild(new KernelBuild(pipeline.Runner, ["CC=fake-cc"], 1));

        int exit = await CliApp.RunStageAsync(new BuildStage(), WithStep(pipeline.Context("build"), step), CancellationToken.None);

        Assert.Equal(CliApp.ExitOk, exit);
        Assert.Equal(["build build.log", "modules mtcopy"], step.Calls);
        Assert.Equal(["LOCALVERSION=", "CC=fake-cc"], StateFile.Read<BuildState>(pipeline.StateDir, BuildStage.StateName).MakeVariables);
        Assert.Contains(pipeline.Runner.Ran, c => c.StartsWith("make ", StringComparison.Ordinal) && c.Contains("bzImage", StringComparison.Ordinal)
            && c.Contains("CC=fake-cc", StringComparison.Ordinal));
        Assert.Contains(pipeline.Runner.Ran, c => c.StartsWith("make ", StringComparison.Ordinal) && c.Contains(" M=", StringComparison.Ordinal)
            && c.Contains("CC=fake-cc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckSeries_reports_a_prefix_its_step_cannot_build_and_still_rebuilds_the_head()
    {
        pipeline.Kernel.WriteFile("linux/scripts/checkpatch.pl", "#!/usr/bin/perl\nprint \"total: 0 errors, 0 warnings, 0 checks, 20 lines checked\\n\";\n");
        await pipeline.BuildAsync();
        var step = new RecordingKernelBuild(new KernelBuild(pipeline.Runner, [], 1)) { FailBuildOf = "prefix-" };

        int exit = await CliApp.RunStageAsync(new CheckSeriesStage(), WithStep(pipeline.Context("checkseries"), step), CancellationToken.None);

        (string status, string message) = pipeline.Recorded("checkseries");
        Assert.True(exit == CliApp.ExitUser, $"exit {exit}: {message}");
        Assert.Equal("FAIL", status);
        Assert.Contains("prefix 1/1 (", message, StringComparison.Ordinal);
        Assert.Contains(") does not build: ", message, StringComparison.Ordinal);
        Assert.Equal(["configure prefix-1-config.log", "build prefix-1-build.log", "configure head-config.log", "build head-build.log"], step.Calls);
    }

    /// <summary>A context like <paramref name="context"/> whose stages build with <paramref name="step"/>.</summary>
    private static StageContext WithStep(StageContext context, IKernelBuild step) =>
        new(context.Options, context.Layout, context.Runner, context.Console, context.Metadata) { KernelBuild = step };

    /// <summary>
    /// The real step, recording each call (its kind and log file, or the modules) and failing the build of a log whose
    /// name starts with <see cref="FailBuildOf"/> as a make error would.
    /// </summary>
    private sealed class RecordingKernelBuild(IKernelBuild inner) : IKernelBuild
    {
        public List<string> Calls { get; } = [];

        public string? FailBuildOf { get; init; }

        public IReadOnlyList<string> MakeVariables => inner.MakeVariables;

        public KbuildTree Tree(string sourceDir, string buildDir, string arch) => inner.Tree(sourceDir, buildDir, arch);

        public Task<KernelConfigResult> ConfigureAsync(KbuildTree tree, ConfigVariant variant, string logPath, bool verifyFragment,
            CancellationToken cancellationToken)
        {
            Calls.Add("configure " + Path.GetFileName(logPath));
            return inner.ConfigureAsync(tree, variant, logPath, verifyFragment, cancellationToken);
        }

        public Task<KernelBuildResult> BuildAsync(KbuildTree tree, KbuildPinnedEnvironment pinned, string logPath, Action<string>? onLine,
            CancellationToken cancellationToken)
        {
            string log = Path.GetFileName(logPath);
            Calls.Add("build " + log);
            if (FailBuildOf is { } prefix && log.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new KernelBuildException("build", "make bzImage modules", 2, null, ["make: *** [Makefile] Error 2"], logPath);
            }

            return inner.BuildAsync(tree, pinned, logPath, onLine, cancellationToken);
        }

        public Task<KernelBuildResult> BuildTargetsAsync(KbuildTree tree, IReadOnlyList<string> targets, KbuildPinnedEnvironment pinned, string logPath,
            CancellationToken cancellationToken)
        {
            Calls.Add("targets " + Path.GetFileName(logPath));
            return inner.BuildTargetsAsync(tree, targets, pinned, logPath, cancellationToken);
        }

        public Task<IReadOnlyList<string>> BuildModuleAsync(KbuildTree tree, string sourceDir, string scratchDir, KbuildPinnedEnvironment? pinned,
            string logPath, Action<string>? onLine, CancellationToken cancellationToken)
        {
            Calls.Add("module " + Path.GetFileName(sourceDir));
            return inner.BuildModuleAsync(tree, sourceDir, scratchDir, pinned, logPath, onLine, cancellationToken);
        }

        public Task<IReadOnlyList<string>> BuildModulesAsync(KbuildTree tree, IReadOnlyList<ModuleToBuild> modules, KbuildPinnedEnvironment pinned,
            string logDir, string artifactDir, CancellationToken cancellationToken)
        {
            Calls.Add("modules " + string.Join(" ", modules.Select(m => m.Name)));
            return inner.BuildModulesAsync(tree, modules, pinned, logDir, artifactDir, cancellationToken);
        }
    }
}
