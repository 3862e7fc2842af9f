using Mtcopy.Adapters.Process;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// The rpm side of the package smoke: file lists, requirements, provides and scriptlets read with <c>rpm -qp</c>,
/// then, in a scratch root with its own rpm database laid out as on Fedora (/lib a link to usr/lib): the kernel
/// rpm installed first, on its own, so that a file the kmod or DKMS rpm shares with it is an rpm conflict; then
/// the kmod rpms (only kmod-&lt;name&gt;-&lt;release&gt; may ship the module, <c>rpm -V</c> clean), erased; then the
/// DKMS rpm (<c>rpm -V</c> clean), erased; then the kernel. Nothing but the database may remain. Installing
/// uses --nodeps (the scratch root has no dkms, kmod or /bin/sh) and --noscripts: rpm runs scriptlets
/// chrooted into the root, where no shell exists, and outside it they would act on the host.
/// </summary>
public sealed class RpmPackageSmoke(IProcessRunner runner)
{
    public const string LogFileName = "rpm-smoke.log";

    /// <summary>The directories every system has, created before the "before" listing (packages do not own them).</summary>
    public static IReadOnlyList<string> Skeleton { get; } = ["usr/src", "usr/lib/modules", "var/lib/rpm"];

    /// <summary>Fedora's merged /usr: /lib is a link to usr/lib (created with the skeleton).</summary>
    public const string LibLink = "lib";

    public async Task<PackageSmokeReport> RunAsync(RpmSmokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ModulePackageModel modules = request.Modules;
        string log = Path.Combine(Path.GetFullPath(request.LogDir), LogFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllText(log, string.Empty);
        var checks = new List<PackageSmokeCheck>();

        IReadOnlyList<string> kmodFiles = await QueryAsync(request.KmodRpm, RpmQueryKind.Files, log, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> metaFiles = await QueryAsync(request.ModulesRpm, RpmQueryKind.Files, log, cancellationToken).ConfigureAwait(false);
        string extra = $"/usr/lib/modules/{modules.KernelRelease}/{ModulePackageModel.RpmModuleSubdirectory}";
        checks.Add(PackageSmokeCheck.That("rpm/kmod_files",
            kmodFiles.SequenceEqual([extra, modules.RpmModuleDirectory, modules.RpmModuleFile]) && metaFiles.SequenceEqual(["(contains no files)"]),
            $"{modules.KmodRpm}: {string.Join(" ", kmodFiles)}; {modules.ModulesRpm}: {string.Join(" ", metaFiles)}"));

        string requirement = $"kernel = {modules.KernelRpmVersionRelease}";
        IReadOnlyList<string> requires = await QueryAsync(request.KmodRpm, RpmQueryKind.Requires, log, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> provides = await QueryAsync(request.KernelRpm, RpmQueryKind.Provides, log, cancellationToken).ConfigureAwait(false);
        checks.Add(PackageSmokeCheck.That("rpm/kmod_requires_exact_kernel", requires.Contains(requirement) && provides.Contains(requirement),
            $"{modules.KmodRpm} requires '{requirement}': {requires.Contains(requirement)}; the kernel rpm provides it: {provides.Contains(requirement)}"));

        string versionRelease = $"{modules.Version}-{modules.Release}";
        string capability = $"{modules.KmodCapability} = {versionRelease}";
        IReadOnlyList<string> kmodProvides = await QueryAsync(request.KmodRpm, RpmQueryKind.Provides, log, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> metaProvides = await QueryAsync(request.ModulesRpm, RpmQueryKind.Provides, log, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> metaRequires = await QueryAsync(request.ModulesRpm, RpmQueryKind.Requires, log, cancellationToken).ConfigureAwait(false);
        string pulls = $"{modules.KmodRpm} = {versionRelease}";
        checks.Add(PackageSmokeCheck.That("rpm/kmod_meta_package",
            kmodProvides.Contains(capability) && metaProvides.Contains(capability) && metaRequires.Contains(pulls),
            $"both provide '{capability}': {kmodProvides.Contains(capability)}, {metaProvides.Contains(capability)}; {modules.ModulesRpm} requires '{pulls}': {metaRequires.Contains(pulls)}"));

        string scripts = string.Join("\n", await QueryAsync(request.KmodRpm, RpmQueryKind.Scripts, log, cancellationToken).ConfigureAwait(false));
        int post = scripts.IndexOf("postinstall scriptlet", StringComparison.Ordinal);
        int postun = scripts.IndexOf("postuninstall scriptlet", StringComparison.Ordinal);
        string depmod = "depmod -a " + modules.KernelRelease;
        checks.Add(PackageSmokeCheck.That("rpm/kmod_scriptlets_run_depmod",
            post >= 0 && postun > post && scripts[post..postun].Contains(depmod, StringComparison.Ordinal) && scripts[postun..].Contains(depmod, StringComparison.Ordinal),
            $"%post and %postun run '{depmod}'"));

        IReadOnlyList<string> dkmsFiles = await QueryAsync(request.DkmsRpm, RpmQueryKind.Files, log, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> dkmsRequires = await QueryAsync(request.DkmsRpm, RpmQueryKind.Requires, log, cancellationToken).ConfigureAwait(false);
        string dkmsScripts = string.Join("\n", await QueryAsync(request.DkmsRpm, RpmQueryKind.Scripts, log, cancellationToken).ConfigureAwait(false));
        bool requiresDkms = dkmsRequires.Any(r => r == "dkms" || r.StartsWith("dkms >= ", StringComparison.Ordinal));
        bool forces = dkmsScripts.Split('\n').Any(l => l.Contains("dkms install", StringComparison.Ordinal)
            && (l.Contains("--force", StringComparison.Ordinal) || l.Contains("--rpm_safe_upgrade", StringComparison.Ordinal)));
        checks.Add(PackageSmokeCheck.That("rpm/dkms_files_requires_scriptlets",
            dkmsFiles.Contains(request.DkmsSourceDirectory + "/dkms.conf") && requiresDkms && !forces,
            $"{dkmsFiles.Count} files under {request.DkmsSourceDirectory}, requires dkms: {requiresDkms}, %post forces dkms install: {forces}"));

        (IReadOnlyList<string> before, IReadOnlyList<string> after) = await InstallAndEraseAsync(request, kmodFiles, checks, log, cancellationToken).ConfigureAwait(false);
        return new PackageSmokeReport(checks, before, after, null);
    }

    private async Task<(IReadOnlyList<string> Before, IReadOnlyList<string> After)> InstallAndEraseAsync(
        RpmSmokeRequest request, IReadOnlyList<string> kmodFiles, List<PackageSmokeCheck> checks, string log, CancellationToken cancellationToken)
    {
        ModulePackageModel modules = request.Modules;
        ScratchRoot root = ScratchRoot.CreateEmpty(Path.Combine(request.ScratchDir, "rpm-root"));
        foreach (string directory in Skeleton)
        {
            Directory.CreateDirectory(root.PathOf(directory));
        }

        File.CreateSymbolicLink(root.PathOf(LibLink), "usr/lib");
        await RunAsync(PackagingCommands.RpmInRoot(root.Root, ["--initdb"]), log, cancellationToken).ConfigureAwait(false);
        string database = PackagingCommands.RpmRootDatabase.TrimStart('/') + "/";
        IReadOnlyList<string> before = root.List();

        int kernel = await InstallAsync(root, [request.KernelRpm], log, cancellationToken).ConfigureAwait(false);
        checks.Add(PackageSmokeCheck.That("rpm/install_kernel_first", kernel == 0, $"rpm -i --nodeps --noscripts {Path.GetFileName(request.KernelRpm)}: exit {kernel}"));

        // The kmod packages next to the kernel: a file both ship is an rpm conflict (the install fails); the same module
        // under another path is the ownership check's to find.
        int kmod = await InstallAsync(root, [request.ModulesRpm, request.KmodRpm], log, cancellationToken).ConfigureAwait(false);
        bool present = File.Exists(root.PathOf(modules.RpmModuleFile));
        string requirement = $"kernel = {modules.KernelRpmVersionRelease} is needed by (installed) {modules.KmodRpm}-";
        (int test, IReadOnlyList<string> refusal) = await RunWithOutputAsync(
            PackagingCommands.RpmInRoot(root.Root, ["-e", "--test", Path.GetFileNameWithoutExtension(request.KernelRpm)]), log, cancellationToken).ConfigureAwait(false);
        bool linked = test != 0 && refusal.Any(l => l.Contains(requirement, StringComparison.Ordinal));
        checks.Add(PackageSmokeCheck.That("rpm/install_kmod_next_to_kernel", kmod == 0 && present && linked,
            $"rpm -i of {modules.ModulesRpm} and {modules.KmodRpm} after the kernel: exit {kmod} (a file shared with the kernel rpm fails it), "
            + $"module in place: {present}, the installed kernel satisfies the kmod requirement (rpm -e --test kernel refused): {linked}"));
        IReadOnlyList<string> kernelFiles = await QueryAsync(request.KernelRpm, RpmQueryKind.Files, null, cancellationToken).ConfigureAwait(false);
        checks.Add(ModuleOwnership.Check("rpm/one_package_ships_the_module",
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [Path.GetFileName(request.KernelRpm)] = kernelFiles, [Path.GetFileName(request.KmodRpm)] = kmodFiles },
            modules.ModuleName, modules.KernelRelease, Path.GetFileName(request.KmodRpm)));
        await VerifyAsync(root, "rpm/verify_after_kmod_install", checks, log, cancellationToken).ConfigureAwait(false);
        int kmodErase = await EraseAsync(root, [request.ModulesRpm, request.KmodRpm], log, cancellationToken).ConfigureAwait(false);

        int dkms = await InstallAsync(root, [request.DkmsRpm], log, cancellationToken).ConfigureAwait(false);
        bool source = File.Exists(root.PathOf(request.DkmsSourceDirectory + "/dkms.conf"));
        checks.Add(PackageSmokeCheck.That("rpm/install_dkms_next_to_kernel", kmodErase == 0 && dkms == 0 && source,
            $"rpm -e of the kmod rpms: exit {kmodErase}; rpm -i of {Path.GetFileName(request.DkmsRpm)}: exit {dkms}, dkms.conf in place: {source}"));
        await VerifyAsync(root, "rpm/verify_after_dkms_install", checks, log, cancellationToken).ConfigureAwait(false);

        int erase = await EraseAsync(root, [request.DkmsRpm, request.KernelRpm], log, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> after = root.List();
        IReadOnlyList<string> left = TreeListing.Added(before, after, [database]);
        checks.Add(PackageSmokeCheck.That("rpm/erase_leaves_nothing", erase == 0 && left.Count == 0,
            left.Count == 0 ? $"rpm -e: exit {erase}; scratch root as before apart from the rpm database" : $"rpm -e: exit {erase}; left behind: {string.Join(", ", left.Take(10))}"));
        return (before, after);
    }

    private async Task VerifyAsync(ScratchRoot root, string name, List<PackageSmokeCheck> checks, string log, CancellationToken cancellationToken)
    {
        (int exit, IReadOnlyList<string> lines) = await RunWithOutputAsync(
            PackagingCommands.RpmInRoot(root.Root, ["-V", "-a", "--nodeps", "--noscripts"]), log, cancellationToken).ConfigureAwait(false);
        checks.Add(PackageSmokeCheck.That(name, exit == 0 && lines.Count == 0,
            lines.Count == 0 ? $"rpm -V -a: exit {exit}, nothing differs" : $"rpm -V -a: exit {exit}: {string.Join("; ", lines.Take(5))}"));
    }

    private Task<int> InstallAsync(ScratchRoot root, IEnumerable<string> rpms, string log, CancellationToken cancellationToken) =>
        RunAsync(PackagingCommands.RpmInRoot(root.Root, ["-i", "--nodeps", "--noscripts", .. rpms]), log, cancellationToken);

    private Task<int> EraseAsync(ScratchRoot root, IEnumerable<string> rpms, string log, CancellationToken cancellationToken) =>
        RunAsync(PackagingCommands.RpmInRoot(root.Root, ["-e", "--nodeps", "--noscripts", .. rpms.Select(p => Path.GetFileNameWithoutExtension(p))]), log, cancellationToken);

    private async Task<IReadOnlyList<string>> QueryAsync(string rpm, RpmQueryKind kind, string? log, CancellationToken cancellationToken)
    {
        (_, IReadOnlyList<string> lines) = await ToolRun.RunAsync(runner, PackagingCommands.RpmQuery(rpm, kind), log, throwOnNonZeroExit: true, cancellationToken)
            .ConfigureAwait(false);
        return [.. lines.Where(l => !l.StartsWith("rpm: ", StringComparison.Ordinal))];
    }

    private async Task<int> RunAsync(ToolCommand command, string log, CancellationToken cancellationToken) =>
        (await RunWithOutputAsync(command, log, cancellationToken).ConfigureAwait(false)).ExitCode;

    private async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunWithOutputAsync(ToolCommand command, string log, CancellationToken cancellationToken)
    {
        await File.AppendAllTextAsync(log, "$ " + command.CommandLine + "\n", cancellationToken).ConfigureAwait(false);
        (ProcessResult result, IReadOnlyList<string> lines) = await ToolRun.RunAsync(runner, command, log, throwOnNonZeroExit: false, cancellationToken)
            .ConfigureAwait(false);
        return (result.ExitCode, lines);
    }
}
