using System.Globalization;
using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Results;
using Mtcopy.Cli.Packaging;
using Mtcopy.Core;
using Mtcopy.Core.Packaging;
using Mtcopy.Core.Results;
using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Package, into &lt;out&gt;/packages: the DKMS packages (.deb, .rpm) and source tarball; for the default
/// config's kernel, the kernel's own bindeb-pkg/binrpm-pkg packages and the prebuilt-module packages
/// that depend on exactly that kernel (signed with --sign-key/--sign-cert when given); SHA256SUMS over
/// all of them. Our packages must lint clean (lintian, rpmlint). Then the package smoke, in scratch
/// roots (<see cref="PackageSmoke"/>). The module DKMS built is kept for the Smoke stage's guest (<see cref="State"/>).
/// Each family of packages is a class of its own (<see cref="KernelPackaging"/>, <see cref="ModulePackaging"/>, the DKMS
/// packager); the packagers come from <see cref="StageContext.Packagers"/>.
/// </summary>
public sealed class PackageStage : IStage
{
    public const string StateName = "package";

    public string Name => StateName;

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Series.Manifest is not { Packages: not null, Modules.Count: > 0 } manifest)
        {
            return StageOutcome.Skip("the series has no manifest with a module and a 'packages' section: nothing to package");
        }

        ModuleSpec module = manifest.Modules[0];
        var applied = StateFile.Read<AppliedSeries>(context.Layout.StateDir, ApplyStage.StateName);
        ModuleSigningKey? key = SigningKey(context);
        PackageStamp stamp = await PackageStamp.ForAsync(context, manifest, module, key, cancellationToken).ConfigureAwait(false);
        SkipVerdict verdict = stamp.Check();
        if (verdict.Skip)
        {
            return Unchanged(context, stamp, verdict);
        }

        context.Console.Note($"packaging: {verdict.Reason}");
        stamp.Invalidate();
        var run = new PackageRun(context, manifest, new DkmsPackageModel(manifest, applied.SourceDateEpoch), key,
            StateFile.Read<BuildState>(context.Layout.StateDir, BuildStage.StateName), Path.Combine(context.Layout.OutDir, "packages"),
            Path.Combine(context.Layout.WorkDir, "packaging"), Path.Combine(context.Layout.LogDir, "packaging"));
        if (Directory.Exists(run.ScratchDir))
        {
            Directory.Delete(run.ScratchDir, recursive: true);
        }

        PackagingResult dkms = await context.Packagers.BuildDkmsAsync(
            new PackagingRequest(run.Dkms, context.Layout.RepoRoot, Path.GetFullPath(module.Source, context.Layout.SeriesDir), run.OutDir, run.ScratchDir, run.LogDir),
            cancellationToken).ConfigureAwait(false);
        var made = new PackagesMade(dkms);
        string packagedConfig = PackagedConfigChoice.Choose(manifest.Config.Default, [.. run.Built.Variants.Select(v => v.Name)]) ?? manifest.Config.Default;
        if (run.Built.Variants.FirstOrDefault(v => v.Name == packagedConfig) is { } variant)
        {
            await PackageForKernelAsync(run, variant, made, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            made.Notes.Add($"no kernel or module packages: the config '{packagedConfig}' was not built");
        }

        List<LintReport> reports = await LintAsync(run, made.Linted, cancellationToken).ConfigureAwait(false);
        return Conclude(run, stamp, made, reports);
    }

    // The kernel's packages, the module's packages for that kernel, then the package smoke over them and the DKMS packages.
    private static async Task PackageForKernelAsync(PackageRun run, BuiltVariant variant, PackagesMade made, CancellationToken cancellationToken)
    {
        (KernelPackageModel kernel, KernelPackagesResult kernelPackages) = await KernelPackaging.BuildAsync(run, variant, cancellationToken).ConfigureAwait(false);
        (ModulePackageModel model, ModulePackagesResult modules) = await ModulePackaging.BuildAsync(run, variant, kernel, cancellationToken).ConfigureAwait(false);
        made.All.AddRange([.. kernelPackages.Packages, .. modules.Packages]);
        made.Ours.AddRange(modules.Packages);
        made.Linted.AddRange(modules.Packages);
        made.Notes.Add($"kernel {kernel.Release}: {kernelPackages.Packages.Count} packages " + (kernelPackages.DebDuration == TimeSpan.Zero
            ? "(unchanged, kept)"
            : $"(bindeb-pkg {Seconds(kernelPackages.DebDuration)}, binrpm-pkg {Seconds(kernelPackages.RpmDuration)})"));
        if (DateTimeOffset.FromUnixTimeSeconds(run.Built.SourceDateEpoch) > DateTimeOffset.UtcNow)
        {
            string later = $"the series is dated {DateTimeOffset.FromUnixTimeSeconds(run.Built.SourceDateEpoch):u}, later than this machine's clock: rpmbuild stamps "
                + "the kernel rpms' %ghost entries and build-id links with the clock (it only clamps newer times), so those rpms rebuild "
                + "byte-identical only once the clock has passed that date; every .deb and our own rpms are identical regardless";
            run.Context.Console.Warn(later);
            made.Notes.Add(later);
        }

        (PackageSmokeReport deb, PackageSmokeReport rpm) = await PackageSmoke.RunAsync(run, variant, kernel, modules, model, made.Dkms, cancellationToken)
            .ConfigureAwait(false);
        made.Smoke.AddRange([deb, rpm]);
        made.State = new State(variant.Name, variant.KernelRelease, FileHash.Sha256(variant.Image), deb.DkmsModulePath);
    }

    // Stale packages removed, SHA256SUMS, the details for the report, the state for Smoke; then the verdict, recorded in the stamp when it passes.
    private static StageOutcome Conclude(PackageRun run, PackageStamp stamp, PackagesMade made, List<LintReport> reports)
    {
        StageContext context = run.Context;
        foreach (string stale in StalePackages.Find(Directory.EnumerateFiles(run.OutDir).Select(Path.GetFileName).OfType<string>(), made.All.Select(Path.GetFileName).OfType<string>()))
        {
            File.Delete(Path.Combine(run.OutDir, stale));
            context.Console.Note($"removed {stale}: an earlier run's package, not made by this one");
        }

        string sums = Path.Combine(run.OutDir, ChecksumFile.Sha256SumsFileName);
        AtomicFile.WriteAllText(sums, ChecksumFile.Format(made.All.ToDictionary(p => Path.GetFileName(p), FileHash.Sha256, StringComparer.Ordinal)));
        var details = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (PackageSmokeCheck check in made.Smoke.SelectMany(r => r.Checks))
        {
            details["package/" + check.Name] = check.Status.ToString().ToUpperInvariant();
            context.Console.Note(check.ToString());
        }

        foreach (LintReport report in reports)
        {
            // For the report: each linted package's result, PASSED, FAILED or SKIPPED (linter missing).
            details["lint/" + Path.GetFileName(report.PackagePath)] = report.Status.ToString().ToUpperInvariant();
        }

        foreach (string package in made.All)
        {
            details["size/" + Path.GetFileName(package)] = new FileInfo(package).Length.ToString(CultureInfo.InvariantCulture);
        }

        if (made.State is { } state)
        {
            StateFile.Write(context.Layout.StateDir, StateName, state);
        }
        else
        {
            StateFile.Delete(context.Layout.StateDir, StateName);
        }

        var failures = reports.Where(r => r.Status == LintStatus.Failed).Select(r => r.Describe())
            .Concat(made.Smoke.SelectMany(r => r.Failures).Select(c => c.ToString()))
            .ToList();
        if (failures.Count > 0)
        {
            throw new StageFailedException("packages do not lint clean or fail the package smoke:\n" + string.Join("\n", failures)) { Details = details };
        }

        string[] artifacts = [.. made.All, sums, .. made.State?.DkmsModule is { } ko ? [ko] : Array.Empty<string>()];
        stamp.Record([.. artifacts, .. made.State is null ? Array.Empty<string>() : [StateFile.PathFor(context.Layout.StateDir, StateName)]]);
        return StageOutcome.Pass(string.Join("; ", made.Summary(run.Key))) with { Details = details, Artifacts = artifacts };
    }

    // Nothing that goes into the packages changed and every package is as it was: the same artifacts again.
    private static StageOutcome Unchanged(StageContext context, PackageStamp stamp, SkipVerdict verdict)
    {
        IReadOnlyList<string> artifacts = stamp.RecordedArtifacts();
        context.Console.Note($"packages: skipped, {verdict.Reason}");
        return StageOutcome.Skip($"unchanged, skipped: {artifacts.Count} files as the previous run made them ({verdict.Reason})") with
        {
            Artifacts = artifacts,
            Details = artifacts.Where(a => a.StartsWith(Path.Combine(context.Layout.OutDir, "packages") + "/", StringComparison.Ordinal))
                .ToDictionary(a => "size/" + Path.GetFileName(a), a => new FileInfo(a).Length.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The module DKMS built in the last Package run for <paramref name="variant"/>'s kernel image (whose sha256 the
    /// caller has: <paramref name="imageSha256"/>), for the Smoke stage's guest; null when Package has not run, ran for
    /// another kernel image or built none.
    /// </summary>
    public static string? DkmsModuleFor(string stateDir, BuiltVariant variant, string imageSha256)
    {
        ArgumentNullException.ThrowIfNull(variant);
        State state;
        try
        {
            state = StateFile.Read<State>(stateDir, StateName);
        }
        catch (UserErrorException)
        {
            return null;
        }

        return state.Variant == variant.Name && state.DkmsModule is { } module && File.Exists(module)
            && imageSha256 == state.ImageSha256
            ? module
            : null;
    }

    // lintian for the .dsc (the source package) and the .debs, rpmlint for the .rpms.
    private static async Task<List<LintReport>> LintAsync(PackageRun run, List<string> packages, CancellationToken cancellationToken)
    {
        string rpmlintConfig = Path.Combine(run.Context.Layout.RepoRoot, PackageLinter.RpmlintConfig);
        var reports = new List<LintReport>();
        foreach (string package in packages)
        {
            string log = Path.Combine(run.LogDir, (package.EndsWith(".rpm", StringComparison.Ordinal) ? "rpmlint-" : "lintian-")
                + Path.GetFileNameWithoutExtension(package) + ".log");
            reports.Add(await run.Packagers.LintAsync(package, rpmlintConfig, log, cancellationToken).ConfigureAwait(false));
        }

        foreach (LintReport report in reports)
        {
            run.Context.Console.Note(report.Describe());
        }

        return reports;
    }

    private static ModuleSigningKey? SigningKey(StageContext context)
    {
        ModuleSigningKey? key = ModuleSigningKey.FromOptions(context.Options.SignKey, context.Options.SignCert);
        return key is null ? null : new ModuleSigningKey(Absolute(key.PrivateKeyPath), Absolute(key.CertificatePath));

        static string Absolute(string path) => path.StartsWith("pkcs11:", StringComparison.Ordinal) ? path : Path.GetFullPath(path);
    }

    private static string Seconds(TimeSpan duration) => RunSummaryRenderer.FormatDuration(duration.TotalSeconds);

    /// <summary>What Package leaves for Smoke: the module DKMS built for a variant's kernel (null when it built none), and which kernel image that was.</summary>
    public sealed record State(string Variant, string KernelRelease, string ImageSha256, string? DkmsModule);

    // What the run made so far: every package (for SHA256SUMS), ours (lint clean), those to lint, the smoke reports, the notes, the state for Smoke.
    private sealed class PackagesMade(PackagingResult dkms)
    {
        public PackagingResult Dkms { get; } = dkms;

        public List<string> All { get; } = [.. dkms.Packages];

        public List<string> Ours { get; } = [.. dkms.Packages];

        public List<string> Linted { get; } = [dkms.Debian.Dsc, dkms.Deb, dkms.Rpm];

        public List<PackageSmokeReport> Smoke { get; } = [];

        public List<string> Notes { get; } = [];

        public State? State { get; set; }

        public IEnumerable<string> Summary(ModuleSigningKey? key) =>
        [
            .. Notes,
            string.Join(", ", Ours.Select(Path.GetFileName)) + " lint clean",
            Smoke.Count == 0 ? "no package smoke" : $"package smoke: {Smoke.Sum(r => r.Checks.Count)} checks passed"
                + (Smoke.SelectMany(r => r.Checks).Any(c => c.Status == PackageSmokeStatus.Declined) ? ", DKMS declined the unpatched kernel (exit 77)" : ""),
            key is null ? "not signed (no --sign-key)" : $"module signed with {Path.GetFileName(key.CertificatePath)}, DKMS signs with the same key",
        ];
    }
}
