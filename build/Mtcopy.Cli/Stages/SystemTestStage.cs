using System.Globalization;
using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.SystemTest;
using Mtcopy.Core;
using Mtcopy.Core.Packaging;
using Mtcopy.Core.Results;
using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Smoke;
using Mtcopy.Core.SystemTest;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// The packages on a real Debian 12 system: a root made by mmdebstrap (cached by its package list), an ext4
/// image made with mkfs.ext4 -d, booted in qemu (TCG), first with Debian's own kernel, then with the mtcopy
/// kernel apt installed in it. The guest (tests/system/guest) installs, upgrades and purges the packages with
/// apt, dpkg and dkms, one phase per boot, and reports each step with its time; the stage writes KTAP and
/// JUnit and fails naming the first step that failed. --system-fault= puts a negative control's defect in.
/// The guest's machine (root, disk, boots) is <see cref="StageContext.SystemGuest"/>.
/// </summary>
public sealed class SystemTestStage : IStage
{
    public const string StateName = "systemtest";
    private const int MostBoots = 4;

    public string Name => StateName;

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        SeriesManifest manifest = context.RequireManifest("the system test installs the packages the manifest describes");
        if (manifest is not { Packages: { } packages, Modules.Count: > 0 })
        {
            throw new UserErrorException("the manifest has no module and 'packages' section: there are no packages to test");
        }

        SystemFault fault = SystemFaults.Parse(context.Options.SystemFault);
        var packaged = StateFile.Read<PackageStage.State>(context.Layout.StateDir, PackageStage.StateName);
        var built = StateFile.Read<BuildState>(context.Layout.StateDir, BuildStage.StateName);
        BuiltVariant variant = built.Variants.FirstOrDefault(v => v.Name == packaged.Variant)
            ?? throw new UserErrorException($"the packaged config '{packaged.Variant}' is not among the built ones: run Package again");
        SystemRun run = SystemRun.Start(context.Layout, SystemFaults.NameOf(fault), packaged.KernelRelease);

        SystemTestDebs debs = await PackagesAsync(context, manifest, packages, variant, fault, run, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, string> payload = await PayloadAsync(context, manifest, debs, run, cancellationToken).ConfigureAwait(false);
        (string rootTar, string image) = await DiskAsync(context, payload, run, cancellationToken).ConfigureAwait(false);
        (IReadOnlyList<string> reports, string? guestFailure) = await BootsAsync(context, image, run, cancellationToken).ConfigureAwait(false);
        return Judge(context, fault, run, rootTar, reports, guestFailure);
    }

    /// <summary>
    /// The packages as Package made them, a newer mtcopy-dkms built from the same templates to upgrade to, and the
    /// fault's defect put into copies of them (mtcopy.ko where the kernel build made it, for the kernel-ships-module control).
    /// </summary>
    private static async Task<SystemTestDebs> PackagesAsync(StageContext context, SeriesManifest manifest, PackagingSpec packages, BuiltVariant variant,
        SystemFault fault, SystemRun run, CancellationToken cancellationToken)
    {
        ModuleSpec module = manifest.Modules[0];
        string packagesDir = Path.Combine(context.Layout.OutDir, "packages");
        var applied = StateFile.Read<AppliedSeries>(context.Layout.StateDir, ApplyStage.StateName);
        PackagingResult upgrade = await context.Packagers.BuildDkmsAsync(new PackagingRequest(
            new DkmsPackageModel(manifest, applied.SourceDateEpoch) with { Version = UpgradeVersion.Next(manifest.Series.Version) },
            context.Layout.RepoRoot, Path.GetFullPath(module.Source, context.Layout.SeriesDir),
            Path.Combine(run.Work, "upgrade"), Path.Combine(run.Work, "upgrade-scratch"), Path.Combine(run.Logs, "upgrade")), cancellationToken).ConfigureAwait(false);
        var debs = new SystemTestDebs(
            One(packagesDir, $"linux-image-{run.Release}_*.deb"),
            One(packagesDir, $"linux-headers-{run.Release}_*.deb"),
            One(packagesDir, $"{packages.DkmsDeb}_*_all.deb"),
            upgrade.Deb,
            One(packagesDir, $"{packages.ModulesDeb}-{run.Release}_*.deb"));
        string kernelModule = Directory.EnumerateFiles(variant.BuildDir, module.Name + ".ko", SearchOption.AllDirectories).FirstOrDefault()
            ?? throw new UserErrorException($"{variant.BuildDir} has no {module.Name}.ko (the negative controls need it)");
        string inTree = Path.Combine("kernel", Path.GetRelativePath(variant.BuildDir, kernelModule));
        return await new SystemFaultInjector(context.Runner).InjectAsync(fault, debs, run.Release, kernelModule, inTree,
            Path.Combine(run.Work, "faulty"), Path.Combine(run.Work, "repack"), Path.Combine(run.Logs, "repack.log"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the guest finds in /root/mtcopy: the packages, the test program (static, as in the smoke guest), the sysfs contract it checks, the versions.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> PayloadAsync(StageContext context, SeriesManifest manifest, SystemTestDebs debs, SystemRun run,
        CancellationToken cancellationToken)
    {
        string testProgram = Path.Combine(run.Work, "mtcopy-test");
        await context.Runner.RunAsync(new ProcessSpec(GuestTestProgram.Compiler,
            GuestTestProgram.CompileArguments(Path.Combine(context.Layout.GuestSourceDir, "mtcopy-test.c"), testProgram))
        { LogPath = Path.Combine(run.Logs, "mtcopy-test.log") }, cancellationToken).ConfigureAwait(false);
        string contract = Path.Combine(run.Work, "contract");
        File.WriteAllText(contract, SysfsContractFile.Render(manifest.Modules[0].Sysfs ?? throw new UserErrorException("the module has no sysfs contract in the manifest")));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Path.GetFileName(debs.KernelImage)] = debs.KernelImage,
            [Path.GetFileName(debs.KernelHeaders)] = debs.KernelHeaders,
            [Path.GetFileName(debs.Dkms)] = debs.Dkms,
            ["upgrade/" + Path.GetFileName(debs.DkmsUpgrade)] = debs.DkmsUpgrade,
            [Path.GetFileName(debs.PrebuiltModules)] = debs.PrebuiltModules,
            ["mtcopy-test"] = testProgram,
            ["contract"] = contract,
            ["release"] = run.Text("release", run.Release),
            ["dkms-version"] = run.Text("dkms-version", manifest.Series.Version),
            ["upgrade-version"] = run.Text("upgrade-version", UpgradeVersion.Next(manifest.Series.Version)),
        };
    }

    /// <summary>The root (made once, then cached) and the guest's disk made from it with the payload; both timed.</summary>
    private static async Task<(string RootTar, string Image)> DiskAsync(StageContext context, IReadOnlyDictionary<string, string> payload, SystemRun run,
        CancellationToken cancellationToken)
    {
        TimeSpan rootStart = run.Clock.Elapsed;
        (string rootTar, bool made) = await context.SystemGuest.EnsureRootAsync(SystemRootSpec.Bookworm, context.Layout.CacheDir,
            Path.Combine(run.Logs, "mmdebstrap.log"), cancellationToken).ConfigureAwait(false);
        TimeSpan rootTime = run.Clock.Elapsed - rootStart;
        string image = Path.Combine(run.Work, "disk.ext4");
        await context.SystemGuest.BuildImageAsync(rootTar, Path.Combine(context.Layout.RepoRoot, "tests", "system", "guest"), payload,
            Path.Combine(run.Work, "staging"), image, Path.Combine(run.Logs, "image.log"), cancellationToken).ConfigureAwait(false);
        TimeSpan imageTime = run.Clock.Elapsed - rootStart - rootTime;
        long rootBytes = new FileInfo(rootTar).Length;
        context.Console.Note($"system test ({run.FaultName}): root {Path.GetFileName(rootTar)} ({(made ? "made" : "cached")}, {Mib(rootBytes)}), image in {Seconds(imageTime)}");
        run.Details["root/tarball"] = Path.GetFileName(rootTar);
        run.Details["root/bytes"] = rootBytes.ToString(CultureInfo.InvariantCulture);
        run.Details["root/seconds"] = Decimal(rootTime);
        run.Details["image/seconds"] = Decimal(imageTime);
        return (rootTar, image);
    }

    /// <summary>Debian's kernel first, then what the guest asks for, until it powers off done; the reports, and why the boots stopped early if they did.</summary>
    private static async Task<(IReadOnlyList<string> Reports, string? Failure)> BootsAsync(StageContext context, string image, SystemRun run,
        CancellationToken cancellationToken)
    {
        var reports = new List<string>();
        NextBoot? next = NextBoot.Stock;
        for (int boot = 1; next is NextBoot.Stock or NextBoot.Mtcopy; boot++)
        {
            if (boot > MostBoots)
            {
                return (reports, $"the guest asked for more than {MostBoots} boots");
            }

            IReadOnlyList<string> bootFiles = await context.SystemGuest.ListBootAsync(image, Path.Combine(run.Logs, $"boot-{boot}-ls.log"), cancellationToken)
                .ConfigureAwait(false);
            string kernelRelease = next == NextBoot.Mtcopy ? run.Release
                : StockKernelChoice.Choose(bootFiles, run.Release) ?? throw new UserErrorException("the root's /boot has no Debian kernel with an initrd");
            string dumpLog = Path.Combine(run.Logs, $"boot-{boot}-dump.log");
            string kernel = Path.Combine(run.Work, $"vmlinuz-{boot}");
            await context.SystemGuest.DumpBootFileAsync(image, "vmlinuz-" + kernelRelease, kernel, dumpLog, cancellationToken).ConfigureAwait(false);
            string? initrd = next == NextBoot.Stock ? Path.Combine(run.Work, $"initrd-{boot}") : null;
            if (initrd is not null)
            {
                await context.SystemGuest.DumpBootFileAsync(image, "initrd.img-" + kernelRelease, initrd, dumpLog, cancellationToken).ConfigureAwait(false);
            }

            context.Console.Note($"system test: boot {boot}: {kernelRelease}");
            var settings = new SystemBoot(image, kernel, initrd, Path.Combine(run.Results, $"console-{boot}.log"), Path.Combine(run.Results, $"report-{boot}.txt"));
            SystemBootResult result = await context.SystemGuest.BootAsync(settings, Path.Combine(run.Logs, $"qemu-{boot}.log"),
                SystemGuest.DefaultBootTimeout, cancellationToken).ConfigureAwait(false);
            reports.Add(result.Report);
            run.Details[$"boot/{boot}/kernel"] = kernelRelease;
            run.Details[$"boot/{boot}/seconds"] = Decimal(result.Duration);
            next = SystemTestLog.NextBootOf(result.Report);
            if (result.Failure is not null || next is null)
            {
                return (reports, $"boot {boot} ({kernelRelease}): " + (result.Failure ?? "the guest powered off without saying what to boot next"));
            }
        }

        return (reports, null);
    }

    /// <summary>The guest's steps as KTAP and JUnit, their times, and the verdict: a fault must fail at its step, no fault must pass.</summary>
    private static StageOutcome Judge(StageContext context, SystemFault fault, SystemRun run, string rootTar, IReadOnlyList<string> reports, string? guestFailure)
    {
        string ktapText = SystemTestLog.Ktap(reports);
        string ktapPath = Path.Combine(run.Results, "ktap.txt");
        string junitPath = Path.Combine(run.Results, "junit.xml");
        AtomicFile.WriteAllText(ktapPath, ktapText);
        KtapDocument document = KtapParser.Parse(ktapText);
        AtomicFile.WriteAllText(junitPath, JunitWriter.Write("system-" + run.FaultName, document, guestFailure));
        foreach (SystemStepTime time in SystemTestLog.Times(reports))
        {
            run.Details["step/" + time.Step + "/seconds"] = Decimal(time.Duration);
            context.Console.Note($"  {time.Step}: {Seconds(time.Duration)}");
        }

        run.Details["total/seconds"] = Decimal(run.Clock.Elapsed);
        int steps = document.AllTests().Count();
        SystemVerdict verdict = SystemVerdict.Judge(fault, document.FailedNames, guestFailure, document.IsComplete, steps);
        string summary = $"system test ({run.FaultName}): {verdict.Message}; {steps} steps in {Seconds(run.Clock.Elapsed)} on Debian 12 "
            + $"(root {Mib(new FileInfo(rootTar).Length)}; junit: {junitPath}; consoles: {run.Results})";
        return verdict.Passed
            ? StageOutcome.Pass(summary) with { Details = run.Details, Artifacts = [ktapPath, junitPath] }
            : throw new StageFailedException(summary) { Details = run.Details };
    }

    private static string One(string dir, string pattern)
    {
        string[] found = Directory.Exists(dir) ? Directory.GetFiles(dir, pattern) : [];
        return found.Length == 1
            ? found[0]
            : throw new UserErrorException($"{dir}: expected one {pattern}, found {found.Length}: run Package for the system config first (./build.sh --target=SystemTest does)");
    }

    private static string Seconds(TimeSpan duration) => RunSummaryRenderer.FormatDuration(duration.TotalSeconds);

    private static string Decimal(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0} MiB");

    /// <summary>
    /// One system test run of a fault (or none): its scratch, results and log directories, the packaged kernel's release,
    /// the details it records and its clock.
    /// </summary>
    private sealed record SystemRun(string FaultName, string Release, string Work, string Results, string Logs)
    {
        public SortedDictionary<string, string> Details { get; } = new(StringComparer.Ordinal);

        public System.Diagnostics.Stopwatch Clock { get; } = System.Diagnostics.Stopwatch.StartNew();

        /// <summary>The run of <paramref name="faultName"/>, its scratch and results directories emptied.</summary>
        public static SystemRun Start(RunLayout layout, string faultName, string release)
        {
            var run = new SystemRun(faultName, release, Path.Combine(layout.WorkDir, "systemtest", faultName),
                Path.Combine(layout.OutDir, "systemtest", faultName), Path.Combine(layout.LogDir, "systemtest", faultName));
            foreach (string dir in new[] { run.Work, run.Results }.Where(Directory.Exists))
            {
                Directory.Delete(dir, recursive: true);
            }

            Directory.CreateDirectory(run.Work);
            Directory.CreateDirectory(run.Results);
            Directory.CreateDirectory(run.Logs);
            return run;
        }

        /// <summary>A one-line file <paramref name="name"/> in the scratch directory holding <paramref name="value"/>.</summary>
        public string Text(string name, string value)
        {
            string path = Path.Combine(Work, name);
            File.WriteAllText(path, value + "\n");
            return path;
        }
    }
}
