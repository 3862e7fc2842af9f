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
        ModuleSpec module = manifest.Modules[0];
        var packaged = StateFile.Read<PackageStage.State>(context.Layout.StateDir, PackageStage.StateName);
        var built = StateFile.Read<BuildState>(context.Layout.StateDir, BuildStage.StateName);
        BuiltVariant variant = built.Variants.FirstOrDefault(v => v.Name == packaged.Variant)
            ?? throw new UserErrorException($"the packaged config '{packaged.Variant}' is not among the built ones: run Package again");
        string release = packaged.KernelRelease;
        string faultName = SystemFaults.NameOf(fault);
        string work = Path.Combine(context.Layout.WorkDir, "systemtest", faultName);
        string results = Path.Combine(context.Layout.OutDir, "systemtest", faultName);
        string logDir = Path.Combine(context.Layout.LogDir, "systemtest", faultName);
        foreach (string dir in new[] { work, results })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        Directory.CreateDirectory(work);
        Directory.CreateDirectory(results);
        Directory.CreateDirectory(logDir);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // The packages as Package made them, and a newer mtcopy-dkms built from the same templates to upgrade to.
        string packagesDir = Path.Combine(context.Layout.OutDir, "packages");
        string upgradeVersion = UpgradeVersion.Next(manifest.Series.Version);
        var applied = StateFile.Read<AppliedSeries>(context.Layout.StateDir, ApplyStage.StateName);
        PackagingResult upgrade = await new DkmsPackager(context.Runner).BuildAsync(new PackagingRequest(
            new DkmsPackageModel(manifest, applied.SourceDateEpoch) with { Version = upgradeVersion },
            context.Layout.RepoRoot, Path.GetFullPath(module.Source, context.Layout.SeriesDir),
            Path.Combine(work, "upgrade"), Path.Combine(work, "upgrade-scratch"), Path.Combine(logDir, "upgrade")), cancellationToken).ConfigureAwait(false);
        var debs = new SystemTestDebs(
            One(packagesDir, $"linux-image-{release}_*.deb"),
            One(packagesDir, $"linux-headers-{release}_*.deb"),
            One(packagesDir, $"{packages.DkmsDeb}_*_all.deb"),
            upgrade.Deb,
            One(packagesDir, $"{packages.ModulesDeb}-{release}_*.deb"));
        // mtcopy.ko where the kernel build made it, and its in-tree path (for the kernel-ships-module control).
        string kernelModule = Directory.EnumerateFiles(variant.BuildDir, module.Name + ".ko", SearchOption.AllDirectories).FirstOrDefault()
            ?? throw new UserErrorException($"{variant.BuildDir} has no {module.Name}.ko (the negative controls need it)");
        string inTree = Path.Combine("kernel", Path.GetRelativePath(variant.BuildDir, kernelModule));
        debs = await new SystemFaultInjector(context.Runner).InjectAsync(fault, debs, release, kernelModule, inTree,
            Path.Combine(work, "faulty"), Path.Combine(work, "repack"), Path.Combine(logDir, "repack.log"), cancellationToken).ConfigureAwait(false);

        // The guest test program (static, as in the smoke guest) and the sysfs contract it checks.
        string testProgram = Path.Combine(work, "mtcopy-test");
        await context.Runner.RunAsync(new ProcessSpec(GuestTestProgram.Compiler,
            GuestTestProgram.CompileArguments(Path.Combine(context.Layout.GuestSourceDir, "mtcopy-test.c"), testProgram))
        { LogPath = Path.Combine(logDir, "mtcopy-test.log") }, cancellationToken).ConfigureAwait(false);
        string contract = Path.Combine(work, "contract");
        File.WriteAllText(contract, SysfsContractFile.Render(module.Sysfs ?? throw new UserErrorException("the module has no sysfs contract in the manifest")));
        var payload = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Path.GetFileName(debs.KernelImage)] = debs.KernelImage,
            [Path.GetFileName(debs.KernelHeaders)] = debs.KernelHeaders,
            [Path.GetFileName(debs.Dkms)] = debs.Dkms,
            ["upgrade/" + Path.GetFileName(debs.DkmsUpgrade)] = debs.DkmsUpgrade,
            [Path.GetFileName(debs.PrebuiltModules)] = debs.PrebuiltModules,
            ["mtcopy-test"] = testProgram,
            ["contract"] = contract,
            ["release"] = Text(work, "release", release),
            ["dkms-version"] = Text(work, "dkms-version", manifest.Series.Version),
            ["upgrade-version"] = Text(work, "upgrade-version", upgradeVersion),
        };

        // The root (cached) and the disk.
        SystemRootSpec rootSpec = SystemRootSpec.Bookworm;
        TimeSpan rootStart = clock.Elapsed;
        (string rootTar, bool made) = await new SystemRootCache(context.Runner).EnsureAsync(rootSpec, context.Layout.CacheDir,
            Path.Combine(logDir, "mmdebstrap.log"), cancellationToken).ConfigureAwait(false);
        TimeSpan rootTime = clock.Elapsed - rootStart;
        string image = Path.Combine(work, "disk.ext4");
        TimeSpan imageStart = clock.Elapsed;
        await new SystemImageBuilder(context.Runner).BuildAsync(rootTar, Path.Combine(context.Layout.RepoRoot, "tests", "system", "guest"), payload,
            Path.Combine(work, "staging"), image, Path.Combine(logDir, "image.log"), cancellationToken).ConfigureAwait(false);
        TimeSpan imageTime = clock.Elapsed - imageStart;
        context.Console.Note($"system test ({faultName}): root {Path.GetFileName(rootTar)} ({(made ? "made" : "cached")}, {Mib(new FileInfo(rootTar).Length)}), image in {Seconds(imageTime)}");

        // The boots: Debian's kernel first, then what the guest asks for.
        var reports = new List<string>();
        var details = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["root/tarball"] = Path.GetFileName(rootTar),
            ["root/bytes"] = new FileInfo(rootTar).Length.ToString(CultureInfo.InvariantCulture),
            ["root/seconds"] = rootTime.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
            ["image/seconds"] = imageTime.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
        };
        var files = new ImageFiles(context.Runner);
        NextBoot? next = NextBoot.Stock;
        string? guestFailure = null;
        for (int boot = 1; next is NextBoot.Stock or NextBoot.Mtcopy; boot++)
        {
            if (boot > MostBoots)
            {
                guestFailure = $"the guest asked for more than {MostBoots} boots";
                break;
            }

            IReadOnlyList<string> bootFiles = await files.ListBootAsync(image, Path.Combine(logDir, $"boot-{boot}-ls.log"), cancellationToken).ConfigureAwait(false);
            string kernelRelease = next == NextBoot.Mtcopy ? release
                : StockKernelChoice.Choose(bootFiles, release) ?? throw new UserErrorException("the root's /boot has no Debian kernel with an initrd");
            string kernel = Path.Combine(work, $"vmlinuz-{boot}");
            await files.DumpBootFileAsync(image, "vmlinuz-" + kernelRelease, kernel, Path.Combine(logDir, $"boot-{boot}-dump.log"), cancellationToken).ConfigureAwait(false);
            string? initrd = null;
            if (next == NextBoot.Stock)
            {
                initrd = Path.Combine(work, $"initrd-{boot}");
                await files.DumpBootFileAsync(image, "initrd.img-" + kernelRelease, initrd, Path.Combine(logDir, $"boot-{boot}-dump.log"), cancellationToken).ConfigureAwait(false);
            }

            context.Console.Note($"system test: boot {boot}: {kernelRelease}");
            var settings = new SystemBoot(image, kernel, initrd, Path.Combine(results, $"console-{boot}.log"), Path.Combine(results, $"report-{boot}.txt"));
            SystemBootResult result = await new SystemBootRunner(context.Runner).BootAsync(settings, Path.Combine(logDir, $"qemu-{boot}.log"),
                SystemBootRunner.DefaultTimeout, cancellationToken).ConfigureAwait(false);
            reports.Add(result.Report);
            details[$"boot/{boot}/kernel"] = kernelRelease;
            details[$"boot/{boot}/seconds"] = result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            next = SystemTestLog.NextBootOf(result.Report);
            if (result.Failure is { } failure || next is null)
            {
                guestFailure = $"boot {boot} ({kernelRelease}): " + (result.Failure ?? "the guest powered off without saying what to boot next");
                break;
            }
        }

        string ktapText = SystemTestLog.Ktap(reports);
        string ktapPath = Path.Combine(results, "ktap.txt");
        string junitPath = Path.Combine(results, "junit.xml");
        AtomicFile.WriteAllText(ktapPath, ktapText);
        KtapDocument document = KtapParser.Parse(ktapText);
        AtomicFile.WriteAllText(junitPath, JunitWriter.Write("system-" + faultName, document, guestFailure));
        foreach (SystemStepTime time in SystemTestLog.Times(reports))
        {
            details["step/" + time.Step + "/seconds"] = time.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            context.Console.Note($"  {time.Step}: {Seconds(time.Duration)}");
        }

        details["total/seconds"] = clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        int steps = document.AllTests().Count();
        SystemVerdict verdict = SystemVerdict.Judge(fault, document.FailedNames, guestFailure, document.IsComplete, steps);
        string summary = $"system test ({faultName}): {verdict.Message}; {steps} steps in {Seconds(clock.Elapsed)} on Debian 12 "
            + $"(root {Mib(new FileInfo(rootTar).Length)}; junit: {junitPath}; consoles: {results})";
        if (!verdict.Passed)
        {
            throw new StageFailedException(summary) { Details = details };
        }

        return StageOutcome.Pass(summary) with { Details = details, Artifacts = [ktapPath, junitPath] };
    }

    private static string One(string dir, string pattern)
    {
        string[] found = Directory.Exists(dir) ? Directory.GetFiles(dir, pattern) : [];
        return found.Length == 1
            ? found[0]
            : throw new UserErrorException($"{dir}: expected one {pattern}, found {found.Length}: run Package for the system config first (./build.sh --target=SystemTest does)");
    }

    private static string Text(string dir, string name, string value)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, value + "\n");
        return path;
    }

    private static string Seconds(TimeSpan duration) => RunSummaryRenderer.FormatDuration(duration.TotalSeconds);

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0} MiB");
}
