using System.Globalization;
using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Smoke;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Matrix;
using Mtcopy.Core.Results;
using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Build and smoke of one matrix base, with the pipeline's adapters: the first config variant
/// (the manifest's default fragment unless --config/--configs say otherwise), configured and built out of
/// tree under &lt;dir&gt;/build-&lt;variant&gt;, the modules against it, then the qemu guest. Skipped when the
/// tree, config and module sources are those of the last successful build. Failures become results.
/// </summary>
internal sealed class MatrixBuild(StageContext context, string dir, string slug, SeriesResult applied, long epoch)
{
    public async Task<(MatrixStep Build, MatrixStep Smoke)> RunAsync(CancellationToken cancellationToken)
    {
        ConfigVariant variant = context.ConfigVariants()[0];
        IReadOnlyList<ModuleToBuild> modules = BuildStage.ModulesToBuild(context, dir, variant.Name);
        string logDir = Path.Combine(dir, "logs", variant.Name);
        string artifactDir = Path.Combine(dir, variant.Name);
        string image = Path.Combine(artifactDir, KernelArtifacts.ImageFileName);
        var inputs = new Dictionary<string, string>
        {
            ["tree"] = applied.TreeId,
            ["arch"] = variant.Arch,
            ["base"] = variant.BaseTarget ?? FileHash.Sha256(variant.BaseConfigFile!),
            ["fragments"] = ContentHash.Sha256(variant.CombinedFragmentText()),
            ["source_date_epoch"] = epoch.ToString(CultureInfo.InvariantCulture),
        };
        foreach (ModuleToBuild module in modules)
        {
            inputs["module:" + module.Name] = BuildStage.ModuleSourceHash(module.SourceDir);
        }

        string stamp = $"matrix-{slug}-{variant.Name}";
        string key = StageFingerprint.Compute(stamp, inputs);
        var kos = modules.ToDictionary(m => m.Name, m => Path.Combine(artifactDir, m.Name + ".ko"), StringComparer.Ordinal);
        MatrixStep build;
        SkipVerdict verdict = context.Stamps.Check(stamp, key);
        if (verdict.Skip)
        {
            string release = await KernelArtifacts.ReadReleaseAsync(artifactDir, cancellationToken).ConfigureAwait(false);
            build = MatrixStep.Pass($"Linux {release} ({variant.Name}), up to date: {verdict.Reason}", Relative(Path.Combine(logDir, KernelBuild.BuildLogFileName)));
        }
        else
        {
            context.Stamps.Invalidate(stamp);
            try
            {
                build = await BuildAsync(variant, modules, logDir, artifactDir, cancellationToken).ConfigureAwait(false);
                context.Stamps.Record(stamp, key, inputs, [image, .. kos.Values]);
            }
            catch (KernelBuildException e)
            {
                string first = e.Summary?.ErrorLine ?? string.Create(CultureInfo.InvariantCulture, $"exit code {e.ExitCode}");
                return (MatrixStep.Fail($"{e.Step} failed: {first}", Relative(e.LogPath)), MatrixStep.Skip("the build failed"));
            }
            catch (Exception e) when (e is Mtcopy.Core.UserErrorException or Mtcopy.Adapters.Process.ProcessFailedException or IOException or TimeoutException)
            {
                return (MatrixStep.Fail(e.Message.Split('\n')[0], Relative(logDir)), MatrixStep.Skip("the build failed"));
            }
        }

        return (build, await SmokeAsync(variant, image, kos, cancellationToken).ConfigureAwait(false));
    }

    private async Task<MatrixStep> BuildAsync(ConfigVariant variant, IReadOnlyList<ModuleToBuild> modules, string logDir, string artifactDir,
        CancellationToken cancellationToken)
    {
        KbuildTree tree = context.KernelBuild.Tree(applied.Workspace.WorktreePath, Path.Combine(dir, "build-" + variant.Name), variant.Arch);
        KbuildPinnedEnvironment pinned = BuildIdentity.For(epoch);
        await context.KernelBuild.ConfigureAsync(tree, variant, Path.Combine(logDir, KernelBuild.ConfigureLogFileName), verifyFragment: true, cancellationToken)
            .ConfigureAwait(false);
        KernelBuildResult kernel = await context.Console.WithProgressAsync($"{slug}: make bzImage modules", line =>
            context.KernelBuild.BuildAsync(tree, pinned, Path.Combine(logDir, KernelBuild.BuildLogFileName), line, cancellationToken)).ConfigureAwait(false);
        string release = await KernelArtifacts.SaveAsync(kernel, artifactDir, cancellationToken).ConfigureAwait(false);
        await context.KernelBuild.BuildModulesAsync(tree, modules, pinned, logDir, artifactDir, cancellationToken).ConfigureAwait(false);
        return MatrixStep.Pass(string.Create(CultureInfo.InvariantCulture,
            $"Linux {release} ({variant.Name}) and {modules.Count} module(s) in {RunSummaryRenderer.FormatDuration(kernel.Duration.TotalSeconds)}"), Relative(kernel.LogPath));
    }

    private async Task<MatrixStep> SmokeAsync(ConfigVariant variant, string image, Dictionary<string, string> kos, CancellationToken cancellationToken)
    {
        ModuleSpec? module = context.Series.Manifest is { Modules.Count: > 0 } m ? m.Modules[0] : null;
        if (module is null)
        {
            return MatrixStep.Skip("no module in the manifest to smoke-test");
        }

        var request = new GuestRunRequest(variant.Name, dir, image, kos[module.Name], context.Layout.GuestSourceDir)
        {
            ContractText = module.Sysfs is { } sysfs ? SysfsContractFile.Render(sysfs) : "",
            ArchiveMtime = DateTimeOffset.FromUnixTimeSeconds(epoch),
        };
        try
        {
            GuestRunResult result = await context.Console.WithProgressAsync($"{slug}: guest",
                line => context.Guest.RunAsync(request, line, cancellationToken)).ConfigureAwait(false);
            return result.Report.Passed
                ? MatrixStep.Pass(result.Report.Summary, Relative(result.KtapPath))
                : MatrixStep.Fail(result.Report.Summary, Relative(result.ConsolePath));
        }
        catch (Exception e) when (e is Mtcopy.Adapters.Process.ProcessStartException)
        {
            // A smoke test that could not run is no pass: the row fails (MatrixVerdict decides whether that fails the matrix).
            return MatrixStep.Fail($"cannot run the guest here: {e.Message.Split('\n')[0]}", Relative(GuestRunner.SmokeDirectory(dir, variant.Name)));
        }
        catch (Exception e) when (e is Mtcopy.Core.UserErrorException or Mtcopy.Adapters.Process.ProcessFailedException or IOException or TimeoutException)
        {
            return MatrixStep.Fail(e.Message.Split('\n')[0], Relative(GuestRunner.SmokeDirectory(dir, variant.Name)));
        }
    }

    private string Relative(string path) => Path.GetRelativePath(context.Layout.OutDir, path);
}
