using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Results;
using Mtcopy.Cli.Stages;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Cli.Packaging;

/// <summary>
/// The prebuilt-module packages for the kernel just packaged: the module the Build stage built for it, copied and signed
/// (with the kernel's own sign-file, when a key was given), packed as a .deb depending on exactly that linux-image and
/// kmod rpms requiring exactly that kernel rpm.
/// </summary>
internal static class ModulePackaging
{
    public static async Task<(ModulePackageModel Model, ModulePackagesResult Packages)> BuildAsync(PackageRun run, BuiltVariant variant,
        KernelPackageModel kernel, CancellationToken cancellationToken)
    {
        var model = new ModulePackageModel(run.Manifest, run.Dkms.SourceDateEpoch, kernel, isSigned: run.Key is not null, FileHash.Sha256(variant.Image));
        string ko = Path.Combine(run.ScratchDir, "module", model.ModuleName + ".ko");
        Directory.CreateDirectory(Path.GetDirectoryName(ko)!);
        File.Copy(variant.Modules.First(m => Path.GetFileName(m) == model.ModuleName + ".ko"), ko, overwrite: true);
        if (run.Key is { } key)
        {
            await run.Packagers.SignAsync(ModuleSigner.SignFilePath(variant.BuildDir), key, ko, Path.Combine(run.LogDir, ModuleSigner.LogFileName), cancellationToken)
                .ConfigureAwait(false);
        }

        ModulePackagesResult packages = await run.Packagers.BuildModulesAsync(
            new ModulePackagingRequest(model, ko, run.Context.Layout.RepoRoot, run.OutDir, Path.Combine(run.ScratchDir, "modules"), run.LogDir), cancellationToken)
            .ConfigureAwait(false);
        return (model, packages);
    }
}
