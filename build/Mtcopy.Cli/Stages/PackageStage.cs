using System.Globalization;
using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Results;
using Mtcopy.Core;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;
using Mtcopy.Core.Results;
using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Package, into &lt;out&gt;/packages: the DKMS packages (.deb, .rpm) and source tarball; for the default
/// config's kernel, the kernel's own bindeb-pkg/binrpm-pkg packages and the prebuilt-module packages
/// that depend on exactly that kernel (signed with --sign-key/--sign-cert when given); SHA256SUMS over
/// all of them. Our packages must lint clean (lintian, rpmlint). Then the package smoke, in scratch
/// roots under &lt;out&gt;/work/package-smoke: DKMS builds and installs the module against the headers
/// package, declines an unpatched 6.12 kernel (exit 77), and removing everything leaves nothing; the
/// rpms are inspected and installed into and erased from a scratch rpm root. The module DKMS built is
/// kept for the Smoke stage's guest (<see cref="State"/>).
/// </summary>
public sealed class PackageStage : IStage
{
    public const string StateName = "package";

    // The Build stage's pinned identity (BuildStage.RunAsync): the packaging targets must see the same
    // KBUILD_BUILD_* values, or make relinks the kernel.

    public string Name => StateName;

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Series.Manifest is not { Packages: { } packages, Modules.Count: > 0 } manifest)
        {
            return StageOutcome.Skip("the series has no manifest with a module and a 'packages' section: nothing to package");
        }

        ModuleSpec module = manifest.Modules[0];
        var applied = StateFile.Read<AppliedSeries>(context.Layout.StateDir, ApplyStage.StateName);
        ModuleSigningKey? key = SigningKey(context);
        PackageInputs inputs = Inputs(manifest, packages, module, applied.SourceDateEpoch);
        PackageStamp stamp = await PackageStamp.ForAsync(context, manifest, module, key, cancellationToken).ConfigureAwait(false);
        SkipVerdict verdict = stamp.Check();
        if (verdict.Skip)
        {
            return Unchanged(context, stamp, verdict);
        }

        context.Console.Note($"packaging: {verdict.Reason}");
        stamp.Invalidate();

        string outDir = Path.Combine(context.Layout.OutDir, "packages");
        string scratch = Path.Combine(context.Layout.WorkDir, "packaging");
        string logDir = Path.Combine(context.Layout.LogDir, "packaging");
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        var notes = new List<string>();
        var details = new SortedDictionary<string, string>(StringComparer.Ordinal);
        PackagingResult dkms = await new DkmsPackager(context.Runner).BuildAsync(
            new PackagingRequest(inputs, context.Layout.RepoRoot, Path.GetFullPath(module.Source, context.Layout.SeriesDir), outDir, scratch, logDir),
            cancellationToken).ConfigureAwait(false);
        var ours = new List<string>(dkms.Packages);
        var all = new List<string>(dkms.Packages);
        var lint = new List<string> { dkms.Debian.Dsc, dkms.Deb, dkms.Rpm };

        var built = StateFile.Read<BuildState>(context.Layout.StateDir, BuildStage.StateName);
        string packagedConfig = PackagedConfigChoice.Choose(manifest.Config.Default, [.. built.Variants.Select(v => v.Name)]) ?? manifest.Config.Default;
        BuiltVariant? variant = built.Variants.FirstOrDefault(v => v.Name == packagedConfig);
        State? state = null;
        var smoke = new List<PackageSmokeReport>();
        if (variant is null)
        {
            notes.Add($"no kernel or module packages: the config '{packagedConfig}' was not built");
        }
        else
        {
            KernelSide side = await PackageKernelAsync(context, manifest, packages, inputs, variant, built, key, outDir, scratch, logDir, cancellationToken)
                .ConfigureAwait(false);
            all.AddRange([.. side.Kernel.Packages, .. side.Modules.Packages]);
            ours.AddRange(side.Modules.Packages);
            lint.AddRange(side.Modules.Packages);
            notes.Add($"kernel {side.Spec.Release}: {side.Kernel.Packages.Count} packages "
                + (side.Kernel.DebDuration == TimeSpan.Zero ? "(unchanged, kept)" : $"(bindeb-pkg {Seconds(side.Kernel.DebDuration)}, binrpm-pkg {Seconds(side.Kernel.RpmDuration)})"));
            if (DateTimeOffset.FromUnixTimeSeconds(built.SourceDateEpoch) > DateTimeOffset.UtcNow)
            {
                string later = $"the series is dated {DateTimeOffset.FromUnixTimeSeconds(built.SourceDateEpoch):u}, later than this machine's clock: rpmbuild stamps "
                    + "the kernel rpms' %ghost entries and build-id links with the clock (it only clamps newer times), so those rpms rebuild "
                    + "byte-identical only once the clock has passed that date; every .deb and our own rpms are identical regardless";
                context.Console.Warn(later);
                notes.Add(later);
            }

            (PackageSmokeReport deb, PackageSmokeReport rpm) = await SmokeAsync(context, manifest, module, inputs, variant, side, dkms, key, logDir, cancellationToken)
                .ConfigureAwait(false);
            smoke.AddRange([deb, rpm]);
            state = new State(variant.Name, variant.KernelRelease, FileHash.Sha256(variant.Image), deb.DkmsModulePath);
        }

        List<LintReport> reports = await LintAsync(context, lint, logDir, cancellationToken).ConfigureAwait(false);
        foreach (string stale in StalePackages.Find(Directory.EnumerateFiles(outDir).Select(Path.GetFileName).OfType<string>(), all.Select(Path.GetFileName).OfType<string>()))
        {
            File.Delete(Path.Combine(outDir, stale));
            context.Console.Note($"removed {stale}: an earlier run's package, not made by this one");
        }

        string sums = Path.Combine(outDir, ChecksumFile.Sha256SumsFileName);
        AtomicFile.WriteAllText(sums, ChecksumFile.Format(all.ToDictionary(p => Path.GetFileName(p), FileHash.Sha256, StringComparer.Ordinal)));
        foreach (PackageSmokeCheck check in smoke.SelectMany(r => r.Checks))
        {
            details["package/" + check.Name] = check.Status.ToString().ToUpperInvariant();
            context.Console.Note(check.ToString());
        }

        foreach (LintReport report in reports)
        {
            // For the report: each linted package's result, PASSED, FAILED or SKIPPED (linter missing).
            details["lint/" + Path.GetFileName(report.PackagePath)] = report.Status.ToString().ToUpperInvariant();
        }

        foreach (string package in all)
        {
            details["size/" + Path.GetFileName(package)] = new FileInfo(package).Length.ToString(CultureInfo.InvariantCulture);
        }

        if (state is not null)
        {
            StateFile.Write(context.Layout.StateDir, StateName, state);
        }
        else
        {
            StateFile.Delete(context.Layout.StateDir, StateName);
        }

        var failures = reports.Where(r => r.Status == LintStatus.Failed).Select(r => r.Describe())
            .Concat(smoke.SelectMany(r => r.Failures).Select(c => c.ToString()))
            .ToList();
        if (failures.Count > 0)
        {
            throw new StageFailedException("packages do not lint clean or fail the package smoke:\n" + string.Join("\n", failures)) { Details = details };
        }

        notes.Add(string.Join(", ", ours.Select(Path.GetFileName)) + " lint clean");
        notes.Add(smoke.Count == 0 ? "no package smoke" : $"package smoke: {smoke.Sum(r => r.Checks.Count)} checks passed"
            + (smoke.SelectMany(r => r.Checks).Any(c => c.Status == PackageSmokeStatus.Declined) ? ", DKMS declined the unpatched kernel (exit 77)" : ""));
        notes.Add(key is null ? "not signed (no --sign-key)" : $"module signed with {Path.GetFileName(key.CertificatePath)}, DKMS signs with the same key");
        string[] dkmsModule = state?.DkmsModule is { } ko ? [ko] : [];
        stamp.Record([.. all, sums, .. dkmsModule, .. state is null ? Array.Empty<string>() : [StateFile.PathFor(context.Layout.StateDir, StateName)]]);
        return StageOutcome.Pass(string.Join("; ", notes)) with { Details = details, Artifacts = [.. all, sums, .. dkmsModule] };
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

    private static async Task<KernelSide> PackageKernelAsync(StageContext context, SeriesManifest manifest, PackagingSpec packages, PackageInputs inputs,
        BuiltVariant variant, BuildState built, ModuleSigningKey? key, string outDir, string scratch, string logDir, CancellationToken cancellationToken)
    {
        KbuildPinnedEnvironment pinned = BuildIdentity.For(built.SourceDateEpoch);
        string arch = manifest.Config.Arch;
        KbuildTree tree = context.KernelBuild.Tree(built.Worktree, variant.BuildDir, arch);
        KernelPackageSpec spec = KernelPackageSpec.Create(variant.KernelRelease, arch, manifest.Series.Name, manifest.Series.Version, pinned.BuildVersion);

        // sign-file first, so that the headers and devel packages carry it for DKMS.
        string? signFile = key is null ? null
            : await new ModuleSigner(context.Runner).EnsureSignFileAsync(tree, logDir, cancellationToken).ConfigureAwait(false);
        KernelPackagesResult kernel = await PackageKernelOnceAsync(context, manifest, tree, spec, packages, pinned, built, variant, outDir, logDir, cancellationToken)
            .ConfigureAwait(false);

        string ko = Path.Combine(scratch, "module", Path.GetFileName(variant.Modules[0]));
        Directory.CreateDirectory(Path.GetDirectoryName(ko)!);
        File.Copy(variant.Modules.First(m => Path.GetFileName(m) == inputs.ModuleName + ".ko"), ko, overwrite: true);
        if (key is not null)
        {
            await new ModuleSigner(context.Runner).SignAsync(signFile!, key, ko, Path.Combine(logDir, ModuleSigner.LogFileName), cancellationToken).ConfigureAwait(false);
        }

        ModulePackageModel model = ModulePackageModel.Create(PackageModel.Create(inputs), spec, isSigned: key is not null,
            kernelImageSha256: FileHash.Sha256(variant.Image));
        ModulePackagesResult modules = await new ModulePackageBuilder(context.Runner).BuildAsync(
            new ModulePackagingRequest(model, ko, context.Layout.RepoRoot, outDir, Path.Combine(scratch, "modules"), logDir), cancellationToken).ConfigureAwait(false);
        return new KernelSide(spec, model, kernel, modules);
    }

    // The kernel packages take a minute or more: skipped when the kernel, the names, the reproducibility
    // recipe and whether scripts/sign-file is in the build directory (it goes into the headers packages)
    // are unchanged.
    private static async Task<KernelPackagesResult> PackageKernelOnceAsync(StageContext context, SeriesManifest manifest, KbuildTree tree, KernelPackageSpec spec, PackagingSpec packages,
        KbuildPinnedEnvironment pinned, BuildState built, BuiltVariant variant, string outDir, string logDir, CancellationToken cancellationToken)
    {
        var stampInputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vmlinux"] = FileHash.Sha256(Path.Combine(variant.BuildDir, "vmlinux")),
            ["deb_version"] = spec.DebVersion,
            ["maintainer"] = packages.Maintainer,
            ["source_date_epoch"] = built.SourceDateEpoch.ToString(CultureInfo.InvariantCulture),
            ["sign_file"] = File.Exists(ModuleSigner.SignFilePath(variant.BuildDir)) ? "built" : "absent",
            ["recipe"] = ContentHash.Sha256(KernelPackageShims.Recipe),
            ["left_out_modules"] = string.Join(' ', LeftOutModules(manifest)),
        };
        const string stamp = StateName + "-kernel";
        string stampKey = StageFingerprint.Compute(stamp, stampInputs);
        var expected = new KernelPackagesResult(
            [.. spec.DebFiles.Select(f => Path.Combine(outDir, f))], [.. spec.RpmFiles.Select(f => Path.Combine(outDir, f))], TimeSpan.Zero, TimeSpan.Zero);
        SkipVerdict verdict = context.Stamps.Check(stamp, stampKey);
        if (verdict.Skip)
        {
            context.Console.Note($"kernel packages: skipped, {verdict.Reason}");
            return expected;
        }

        context.Stamps.Invalidate(stamp);
        KernelPackagesResult result;
        try
        {
            result = await context.Console.WithProgressAsync($"{variant.Name}: make bindeb-pkg binrpm-pkg", line =>
                new KernelPackageBuilder(context.Runner).BuildAsync(
                    new KernelPackagingRequest(tree, spec, PackageMaintainer.Parse(packages.Maintainer), pinned, built.SourceDateEpoch, outDir, logDir)
                    {
                        Jobs = context.Options.Jobs,
                        LeftOutModules = LeftOutModules(manifest),
                    }, line, cancellationToken)).ConfigureAwait(false);
        }
        catch (KernelPackagingException e)
        {
            throw new StageFailedException(e.Message, e);
        }

        context.Stamps.Record(stamp, stampKey, stampInputs, result.Packages);
        return result;
    }

    private static async Task<(PackageSmokeReport Deb, PackageSmokeReport Rpm)> SmokeAsync(StageContext context, SeriesManifest manifest, ModuleSpec module,
        PackageInputs inputs, BuiltVariant variant, KernelSide side, PackagingResult dkms, ModuleSigningKey? key, string logDir, CancellationToken cancellationToken)
    {
        string scratch = Path.Combine(context.Layout.WorkDir, "package-smoke");
        var fetched = StateFile.Read<FetchedBase>(context.Layout.StateDir, FetchStage.StateName);
        ConfigVariant config = ConfigVariant.FromManifest(manifest, context.Layout.SeriesDir, manifest.Config.Default);
        UnpatchedKernel unpatched;
        try
        {
            unpatched = await context.Console.WithProgressAsync("unpatched kernel for the DKMS check", _ =>
                new UnpatchedKernelPreparer(context.Runner, new GitCli()).PrepareAsync(
                    new UnpatchedKernelRequest(fetched.RepoPath, fetched.CommitId, Path.Combine(context.Layout.WorkDir, "unpatched"),
                        context.Layout.BuildDir("unpatched"), manifest.Config.Arch, config.Fragments, logDir) { Jobs = context.Options.Jobs },
                    module.Requires, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KernelPackagingException or GitCommandException)
        {
            throw new StageFailedException($"cannot prepare the unpatched kernel for the DKMS check: {e.Message}", e);
        }

        string dkmsModule = Path.Combine(context.Layout.OutDir, variant.Name, "dkms", inputs.ModuleName + ".ko");
        if (File.Exists(dkmsModule))
        {
            File.Delete(dkmsModule);
        }
        PackageSmokeReport deb = await context.Console.WithProgressAsync("package smoke: dkms in a scratch root", _ =>
            new DkmsPackageSmoke(context.Runner).RunAsync(
                new DkmsSmokeRequest(scratch, dkms.Deb, Path.Combine(Path.GetDirectoryName(dkms.Deb)!, side.Spec.HeadersDebFile), inputs.Name, inputs.Version,
                    inputs.ModuleName, side.Spec.Release, side.Spec.RpmArch, unpatched, logDir)
                {
                    SigningKey = key,
                    ModuleCopyPath = dkmsModule,
                    OwnershipDebs = (Path.Combine(Path.GetDirectoryName(dkms.Deb)!, side.Spec.ImageDebFile), side.Modules.Deb),
                }, cancellationToken)).ConfigureAwait(false);
        PackageSmokeReport rpm = await new RpmPackageSmoke(context.Runner).RunAsync(
            new RpmSmokeRequest(scratch, Path.Combine(Path.GetDirectoryName(dkms.Rpm)!, side.Spec.KernelRpmFile), side.Modules.Rpm, side.Modules.KmodRpm, dkms.Rpm, side.Model,
                PackageModel.Create(inputs).SourceDirectory, logDir), cancellationToken).ConfigureAwait(false);
        return (deb, rpm);
    }

    // lintian for the .dsc (the source package) and the .debs, rpmlint for the .rpms.
    private static async Task<List<LintReport>> LintAsync(StageContext context, List<string> packages, string logDir, CancellationToken cancellationToken)
    {
        var linter = new PackageLinter(context.Runner);
        string rpmlintConfig = Path.Combine(context.Layout.RepoRoot, PackageLinter.RpmlintConfig);
        var reports = new List<LintReport>();
        foreach (string package in packages)
        {
            string name = Path.GetFileNameWithoutExtension(package);
            reports.Add(package.EndsWith(".rpm", StringComparison.Ordinal)
                ? await linter.LintRpmAsync(package, rpmlintConfig, Path.Combine(logDir, $"rpmlint-{name}.log"), cancellationToken).ConfigureAwait(false)
                : await linter.LintDebAsync(package, Path.Combine(logDir, $"lintian-{name}.log"), cancellationToken).ConfigureAwait(false));
        }

        foreach (LintReport report in reports)
        {
            context.Console.Note(report.Describe());
        }

        return reports;
    }

    private static ModuleSigningKey? SigningKey(StageContext context)
    {
        ModuleSigningKey? key = ModuleSigningKey.FromOptions(context.Options.SignKey, context.Options.SignCert);
        return key is null ? null : new ModuleSigningKey(Absolute(key.PrivateKeyPath), Absolute(key.CertificatePath));

        static string Absolute(string path) => path.StartsWith("pkcs11:", StringComparison.Ordinal) ? path : Path.GetFullPath(path);
    }

    internal static PackageInputs Inputs(SeriesManifest manifest, PackagingSpec packages, ModuleSpec module, long sourceDateEpoch) => new()
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
        SourceDateEpoch = sourceDateEpoch,
    };

    // The story of packaging/README.md: the kernel packages carry the core, each module comes from exactly one
    // module package (DKMS or prebuilt), so the kernel packages install every module but the manifest's (PackagedModuleOrder).
    private static IReadOnlyList<string> LeftOutModules(SeriesManifest manifest) => [.. manifest.Modules.Select(m => m.Name)];

    private static string Seconds(TimeSpan duration) => RunSummaryRenderer.FormatDuration(duration.TotalSeconds);

    /// <summary>What Package leaves for Smoke: the module DKMS built for a variant's kernel (null when it built none), and which kernel image that was.</summary>
    public sealed record State(string Variant, string KernelRelease, string ImageSha256, string? DkmsModule);

    private sealed record KernelSide(KernelPackageSpec Spec, ModulePackageModel Model, KernelPackagesResult Kernel, ModulePackagesResult Modules);
}
