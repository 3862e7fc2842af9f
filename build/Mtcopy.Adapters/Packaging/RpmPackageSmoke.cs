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
    public async Task<PackageSmokeReport> RunAsync(RpmSmokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ModulePackageModel modules = request.Modules;
        // The directories every system has (the packages do not own them), there before the "before" listing.
        var session = PackageSmokeSession.Start(runner, request.ScratchDir, "rpm-root", ["usr/src", "usr/lib/modules", "var/lib/rpm"], request.LogDir, "rpm-smoke.log");
        Task<IReadOnlyList<string>> Query(string rpm, RpmQueryKind kind) => session.QueryAsync(PackagingCommands.RpmQuery(rpm, kind), logged: true, cancellationToken);

        IReadOnlyList<string> kmodFiles = await Query(request.KmodRpm, RpmQueryKind.Files).ConfigureAwait(false);
        IReadOnlyList<string> metaFiles = await Query(request.ModulesRpm, RpmQueryKind.Files).ConfigureAwait(false);
        string extra = $"/usr/lib/modules/{modules.KernelRelease}/{ModulePackageModel.RpmModuleSubdirectory}";
        session.Check("rpm/kmod_files",
            kmodFiles.SequenceEqual([extra, modules.RpmModuleDirectory, modules.RpmModuleFile]) && metaFiles.SequenceEqual(["(contains no files)"]),
            $"{modules.KmodRpm}: {string.Join(" ", kmodFiles)}; {modules.ModulesRpm}: {string.Join(" ", metaFiles)}");

        string requirement = $"kernel = {modules.KernelRpmVersionRelease}";
        IReadOnlyList<string> requires = await Query(request.KmodRpm, RpmQueryKind.Requires).ConfigureAwait(false);
        IReadOnlyList<string> provides = await Query(request.KernelRpm, RpmQueryKind.Provides).ConfigureAwait(false);
        session.Check("rpm/kmod_requires_exact_kernel", requires.Contains(requirement) && provides.Contains(requirement),
            $"{modules.KmodRpm} requires '{requirement}': {requires.Contains(requirement)}; the kernel rpm provides it: {provides.Contains(requirement)}");

        string versionRelease = $"{modules.Version}-{modules.Release}";
        string capability = $"{modules.KmodCapability} = {versionRelease}";
        IReadOnlyList<string> kmodProvides = await Query(request.KmodRpm, RpmQueryKind.Provides).ConfigureAwait(false);
        IReadOnlyList<string> metaProvides = await Query(request.ModulesRpm, RpmQueryKind.Provides).ConfigureAwait(false);
        IReadOnlyList<string> metaRequires = await Query(request.ModulesRpm, RpmQueryKind.Requires).ConfigureAwait(false);
        string pulls = $"{modules.KmodRpm} = {versionRelease}";
        session.Check("rpm/kmod_meta_package",
            kmodProvides.Contains(capability) && metaProvides.Contains(capability) && metaRequires.Contains(pulls),
            $"both provide '{capability}': {kmodProvides.Contains(capability)}, {metaProvides.Contains(capability)}; {modules.ModulesRpm} requires '{pulls}': {metaRequires.Contains(pulls)}");

        string scripts = string.Join("\n", await Query(request.KmodRpm, RpmQueryKind.Scripts).ConfigureAwait(false));
        int post = scripts.IndexOf("postinstall scriptlet", StringComparison.Ordinal);
        int postun = scripts.IndexOf("postuninstall scriptlet", StringComparison.Ordinal);
        string depmod = "depmod -a " + modules.KernelRelease;
        session.Check("rpm/kmod_scriptlets_run_depmod",
            post >= 0 && postun > post && scripts[post..postun].Contains(depmod, StringComparison.Ordinal) && scripts[postun..].Contains(depmod, StringComparison.Ordinal),
            $"%post and %postun run '{depmod}'");

        IReadOnlyList<string> dkmsFiles = await Query(request.DkmsRpm, RpmQueryKind.Files).ConfigureAwait(false);
        IReadOnlyList<string> dkmsRequires = await Query(request.DkmsRpm, RpmQueryKind.Requires).ConfigureAwait(false);
        string dkmsScripts = string.Join("\n", await Query(request.DkmsRpm, RpmQueryKind.Scripts).ConfigureAwait(false));
        bool requiresDkms = dkmsRequires.Any(r => r == "dkms" || r.StartsWith("dkms >= ", StringComparison.Ordinal));
        bool forces = dkmsScripts.Split('\n').Any(l => l.Contains("dkms install", StringComparison.Ordinal)
            && (l.Contains("--force", StringComparison.Ordinal) || l.Contains("--rpm_safe_upgrade", StringComparison.Ordinal)));
        session.Check("rpm/dkms_files_requires_scriptlets",
            dkmsFiles.Contains(request.DkmsSourceDirectory + "/dkms.conf") && requiresDkms && !forces,
            $"{dkmsFiles.Count} files under {request.DkmsSourceDirectory}, requires dkms: {requiresDkms}, %post forces dkms install: {forces}");

        return await InstallAndEraseAsync(session, request, kmodFiles, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<PackageSmokeReport> InstallAndEraseAsync(PackageSmokeSession session, RpmSmokeRequest request, IReadOnlyList<string> kmodFiles,
        CancellationToken cancellationToken)
    {
        ModulePackageModel modules = request.Modules;
        ScratchRoot root = session.Root;
        File.CreateSymbolicLink(root.PathOf("lib"), "usr/lib"); // Fedora's merged /usr
        await session.RunAsync(PackagingCommands.RpmInRoot(root.Root, ["--initdb"]), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> before = root.List();

        int kernel = await InstallAsync(session, [request.KernelRpm], cancellationToken).ConfigureAwait(false);
        session.Check("rpm/install_kernel_first", kernel == 0, $"rpm -i --nodeps --noscripts {Path.GetFileName(request.KernelRpm)}: exit {kernel}");

        // The kmod packages next to the kernel: a file both ship is an rpm conflict (the install fails); the same module
        // under another path is the ownership check's to find.
        int kmod = await InstallAsync(session, [request.ModulesRpm, request.KmodRpm], cancellationToken).ConfigureAwait(false);
        bool present = File.Exists(root.PathOf(modules.RpmModuleFile));
        string requirement = $"kernel = {modules.KernelRpmVersionRelease} is needed by (installed) {modules.KmodRpm}-";
        (int test, IReadOnlyList<string> refusal) = await session.RunAsync(
            PackagingCommands.RpmInRoot(root.Root, ["-e", "--test", Path.GetFileNameWithoutExtension(request.KernelRpm)]), cancellationToken).ConfigureAwait(false);
        bool linked = test != 0 && refusal.Any(l => l.Contains(requirement, StringComparison.Ordinal));
        session.Check("rpm/install_kmod_next_to_kernel", kmod == 0 && present && linked,
            $"rpm -i of {modules.ModulesRpm} and {modules.KmodRpm} after the kernel: exit {kmod} (a file shared with the kernel rpm fails it), "
            + $"module in place: {present}, the installed kernel satisfies the kmod requirement (rpm -e --test kernel refused): {linked}");
        IReadOnlyList<string> kernelFiles = await session.QueryAsync(PackagingCommands.RpmQuery(request.KernelRpm, RpmQueryKind.Files), logged: false, cancellationToken)
            .ConfigureAwait(false);
        session.Checks.Add(ModuleOwnership.Check("rpm/one_package_ships_the_module",
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [Path.GetFileName(request.KernelRpm)] = kernelFiles, [Path.GetFileName(request.KmodRpm)] = kmodFiles },
            modules.ModuleName, modules.KernelRelease, Path.GetFileName(request.KmodRpm)));
        await VerifyAsync(session, "rpm/verify_after_kmod_install", cancellationToken).ConfigureAwait(false);
        int kmodErase = await EraseAsync(session, [request.ModulesRpm, request.KmodRpm], cancellationToken).ConfigureAwait(false);

        int dkms = await InstallAsync(session, [request.DkmsRpm], cancellationToken).ConfigureAwait(false);
        bool source = File.Exists(root.PathOf(request.DkmsSourceDirectory + "/dkms.conf"));
        session.Check("rpm/install_dkms_next_to_kernel", kmodErase == 0 && dkms == 0 && source,
            $"rpm -e of the kmod rpms: exit {kmodErase}; rpm -i of {Path.GetFileName(request.DkmsRpm)}: exit {dkms}, dkms.conf in place: {source}");
        await VerifyAsync(session, "rpm/verify_after_dkms_install", cancellationToken).ConfigureAwait(false);

        int erase = await EraseAsync(session, [request.DkmsRpm, request.KernelRpm], cancellationToken).ConfigureAwait(false);
        return session.Finish("rpm/erase_leaves_nothing", before, erase == 0, $"rpm -e: exit {erase}; ",
            [PackagingCommands.RpmRootDatabase.TrimStart('/') + "/"], null);
    }

    private static async Task VerifyAsync(PackageSmokeSession session, string name, CancellationToken cancellationToken)
    {
        (int exit, IReadOnlyList<string> lines) = await session.RunAsync(
            PackagingCommands.RpmInRoot(session.Root.Root, ["-V", "-a", "--nodeps", "--noscripts"]), cancellationToken).ConfigureAwait(false);
        session.Check(name, exit == 0 && lines.Count == 0,
            lines.Count == 0 ? $"rpm -V -a: exit {exit}, nothing differs" : $"rpm -V -a: exit {exit}: {string.Join("; ", lines.Take(5))}");
    }

    private static async Task<int> InstallAsync(PackageSmokeSession session, IEnumerable<string> rpms, CancellationToken cancellationToken) =>
        (await session.RunAsync(PackagingCommands.RpmInRoot(session.Root.Root, ["-i", "--nodeps", "--noscripts", .. rpms]), cancellationToken)
            .ConfigureAwait(false)).ExitCode;

    private static async Task<int> EraseAsync(PackageSmokeSession session, IEnumerable<string> rpms, CancellationToken cancellationToken) =>
        (await session.RunAsync(PackagingCommands.RpmInRoot(session.Root.Root, ["-e", "--nodeps", "--noscripts", .. rpms.Select(p => Path.GetFileNameWithoutExtension(p))]),
            cancellationToken).ConfigureAwait(false)).ExitCode;
}
