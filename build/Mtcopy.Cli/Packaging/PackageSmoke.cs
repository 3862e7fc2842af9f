using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Kernel;
using Mtcopy.Adapters.Packaging;
using Mtcopy.Cli.Stages;
using Mtcopy.Core.Packaging;
using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Packaging;

/// <summary>
/// The package smoke, in scratch roots under &lt;out&gt;/work/package-smoke: the .deb side (DKMS builds and installs the module
/// against the headers package, declines an unpatched kernel with exit 77, and removing everything leaves nothing; the
/// module DKMS built is kept for the Smoke stage's guest) and the rpm side (queried, installed into and erased from a
/// scratch rpm root).
/// </summary>
internal static class PackageSmoke
{
    public static async Task<(PackageSmokeReport Deb, PackageSmokeReport Rpm)> RunAsync(PackageRun run, BuiltVariant variant, KernelPackageModel kernel,
        ModulePackagesResult modules, ModulePackageModel model, PackagingResult dkms, CancellationToken cancellationToken)
    {
        StageContext context = run.Context;
        string scratch = Path.Combine(context.Layout.WorkDir, "package-smoke");
        UnpatchedKernel unpatched = await PrepareUnpatchedAsync(run, cancellationToken).ConfigureAwait(false);
        string dkmsModule = Path.Combine(context.Layout.OutDir, variant.Name, "dkms", model.ModuleName + ".ko");
        if (File.Exists(dkmsModule))
        {
            File.Delete(dkmsModule);
        }

        string packages = Path.GetDirectoryName(dkms.Deb)!;
        PackageSmokeReport deb = await context.Console.WithProgressAsync("package smoke: dkms in a scratch root", _ =>
            run.Packagers.SmokeDebAsync(
                new DkmsSmokeRequest(scratch, dkms.Deb, Path.Combine(packages, kernel.HeadersDebFile), run.Dkms, kernel, unpatched, run.LogDir)
                {
                    SigningKey = run.Key,
                    ModuleCopyPath = dkmsModule,
                    OwnershipDebs = (Path.Combine(packages, kernel.ImageDebFile), modules.Deb),
                }, cancellationToken)).ConfigureAwait(false);
        PackageSmokeReport rpm = await run.Packagers.SmokeRpmAsync(
            new RpmSmokeRequest(scratch, Path.Combine(packages, kernel.KernelRpmFile), modules.Rpm, modules.KmodRpm, dkms.Rpm, model,
                run.Dkms.SourceDirectory, run.LogDir), cancellationToken).ConfigureAwait(false);
        return (deb, rpm);
    }

    private static async Task<UnpatchedKernel> PrepareUnpatchedAsync(PackageRun run, CancellationToken cancellationToken)
    {
        StageContext context = run.Context;
        var fetched = StateFile.Read<FetchedBase>(context.Layout.StateDir, FetchStage.StateName);
        ConfigVariant config = ConfigVariant.FromManifest(run.Manifest, context.Layout.SeriesDir, run.Manifest.Config.Default);
        try
        {
            return await context.Console.WithProgressAsync("unpatched kernel for the DKMS check", _ =>
                run.Packagers.PrepareUnpatchedAsync(
                    new UnpatchedKernelRequest(fetched.RepoPath, fetched.CommitId, Path.Combine(context.Layout.WorkDir, "unpatched"),
                        context.Layout.BuildDir("unpatched"), run.Manifest.Config.Arch, config.Fragments, run.LogDir) { Jobs = context.Options.Jobs },
                    run.Manifest.Modules[0].Requires, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KernelPackagingException or GitCommandException)
        {
            throw new StageFailedException($"cannot prepare the unpatched kernel for the DKMS check: {e.Message}", e);
        }
    }
}
