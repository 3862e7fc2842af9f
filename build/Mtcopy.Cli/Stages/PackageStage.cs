using Mtcopy.Adapters.Packaging;
using Mtcopy.Core.Packaging;
using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Package: DKMS packages (.deb and .rpm) and a source tarball of the module, rendered from the
/// templates with the manifest's names, built reproducibly (SOURCE_DATE_EPOCH from the series),
/// with SHA256SUMS; lintian and rpmlint must report no error or warning.
/// </summary>
public sealed class PackageStage : IStage
{
    public string Name => "package";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Series.Manifest is not { Packages: { } packages, Modules.Count: > 0 } manifest)
        {
            return StageOutcome.Skip("the series has no manifest with a module and a 'packages' section: nothing to package");
        }

        ModuleSpec module = manifest.Modules[0];
        var applied = StateFile.Read<AppliedSeries>(context.Layout.StateDir, ApplyStage.StateName);

        var inputs = new PackageInputs
        {
            Name = module.Name,
            Version = manifest.Series.Version,
            ModuleName = module.Name,
            Maintainer = packages.Maintainer,
            License = packages.License,
            Summary = manifest.Series.Summary,
            Homepage = packages.Homepage,
            DkmsDeb = packages.DkmsDeb,
            DkmsRpm = packages.DkmsRpm,
            ModulesDeb = packages.ModulesDeb,
            ModulesRpm = packages.ModulesRpm,
            RequiredKernelConfig = module.Requires,
            SourceDateEpoch = applied.SourceDateEpoch,
        };
        string outDir = Path.Combine(context.Layout.OutDir, "packages");
        string scratch = Path.Combine(context.Layout.WorkDir, "packaging");
        string logDir = Path.Combine(context.Layout.LogDir, "packaging");
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        PackagingResult result = await new DkmsPackager(context.Runner).BuildAsync(
            new PackagingRequest(inputs, context.Layout.RepoRoot, Path.GetFullPath(module.Source, context.Layout.SeriesDir), outDir, scratch, logDir),
            cancellationToken).ConfigureAwait(false);

        var linter = new PackageLinter(context.Runner);
        LintReport deb = await linter.LintDebAsync(result.Deb, Path.Combine(logDir, "lintian.log"), cancellationToken).ConfigureAwait(false);
        LintReport rpm = await linter.LintRpmAsync(result.Rpm, Path.Combine(context.Layout.RepoRoot, PackageLinter.RpmlintConfig),
            Path.Combine(logDir, "rpmlint.log"), cancellationToken).ConfigureAwait(false);
        foreach (LintReport report in new[] { deb, rpm })
        {
            context.Console.Note(report.Describe());
        }

        var failed = new[] { deb, rpm }.Where(r => r.Status == LintStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            throw new StageFailedException("packages do not lint clean:\n" + string.Join("\n", failed.Select(r => r.Describe())));
        }

        return StageOutcome.Pass($"{string.Join(", ", result.Packages.Select(Path.GetFileName))}; lintian and rpmlint clean; not signed (no --sign-key)")
            with { Artifacts = [.. result.Packages, result.Sha256Sums] };
    }
}
