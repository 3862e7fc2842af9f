using System.Globalization;
using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Results;
using Mtcopy.Cli.Stages;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;
using Mtcopy.Core.Results;

namespace Mtcopy.Cli.Packaging;

/// <summary>
/// The kernel's own packages of the built variant, by <c>make bindeb-pkg binrpm-pkg</c> on the Build stage's tree with its
/// pinned identity (KBUILD_BUILD_*: anything else relinks the kernel). With a signing key, scripts/sign-file is built
/// first, so that the headers and devel packages carry it for DKMS. They take a minute or more, so they have a stamp of
/// their own: skipped when the kernel, the names, the reproducibility recipe and whether sign-file is in the build
/// directory are unchanged.
/// </summary>
internal static class KernelPackaging
{
    public const string StampName = PackageStage.StateName + "-kernel";

    public static async Task<(KernelPackageModel Model, KernelPackagesResult Packages)> BuildAsync(PackageRun run, BuiltVariant variant,
        CancellationToken cancellationToken)
    {
        KbuildPinnedEnvironment pinned = BuildIdentity.For(run.Built.SourceDateEpoch);
        string arch = run.Manifest.Config.Arch;
        KbuildTree tree = run.Context.KernelBuild.Tree(run.Built.Worktree, variant.BuildDir, arch);
        KernelPackageModel model = KernelPackageModel.Create(variant.KernelRelease, arch, run.Manifest.Series.Name, run.Manifest.Series.Version, pinned.BuildVersion);
        if (run.Key is not null)
        {
            await run.Packagers.EnsureSignFileAsync(tree, run.LogDir, cancellationToken).ConfigureAwait(false);
        }

        var stampInputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vmlinux"] = FileHash.Sha256(Path.Combine(variant.BuildDir, "vmlinux")),
            ["deb_version"] = model.DebVersion,
            ["maintainer"] = run.Dkms.Maintainer,
            ["source_date_epoch"] = run.Built.SourceDateEpoch.ToString(CultureInfo.InvariantCulture),
            ["sign_file"] = File.Exists(ModuleSigner.SignFilePath(variant.BuildDir)) ? "built" : "absent",
            ["recipe"] = ContentHash.Sha256(KernelPackageShims.Recipe),
            ["left_out_modules"] = string.Join(' ', run.LeftOutModules),
        };
        string stampKey = StageFingerprint.Compute(StampName, stampInputs);
        SkipVerdict verdict = run.Context.Stamps.Check(StampName, stampKey);
        if (verdict.Skip)
        {
            run.Context.Console.Note($"kernel packages: skipped, {verdict.Reason}");
            return (model, new KernelPackagesResult(
                [.. model.DebFiles.Select(f => Path.Combine(run.OutDir, f))], [.. model.RpmFiles.Select(f => Path.Combine(run.OutDir, f))], TimeSpan.Zero, TimeSpan.Zero));
        }

        run.Context.Stamps.Invalidate(StampName);
        KernelPackagesResult result = await PackAsync(run, variant, tree, model, pinned, cancellationToken).ConfigureAwait(false);
        run.Context.Stamps.Record(StampName, stampKey, stampInputs, result.Packages);
        return (model, result);
    }

    private static async Task<KernelPackagesResult> PackAsync(PackageRun run, BuiltVariant variant, KbuildTree tree, KernelPackageModel model,
        KbuildPinnedEnvironment pinned, CancellationToken cancellationToken)
    {
        var request = new KernelPackagingRequest(tree, model, new PackageMaintainer(run.Dkms.MaintainerName, run.Dkms.MaintainerEmail), pinned, run.Built.SourceDateEpoch,
            run.OutDir, run.LogDir)
        {
            Jobs = run.Context.Options.Jobs,
            LeftOutModules = run.LeftOutModules,
        };
        try
        {
            return await run.Context.Console.WithProgressAsync($"{variant.Name}: make bindeb-pkg binrpm-pkg",
                line => run.Packagers.BuildKernelAsync(request, line, cancellationToken)).ConfigureAwait(false);
        }
        catch (KernelPackagingException e)
        {
            throw new StageFailedException(e.Message, e);
        }
    }
}
