using Mtcopy.Adapters.Process;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// The rpm side of the package smoke: file lists, requirements and scriptlets read with <c>rpm -qp</c>,
/// then the kernel, module and DKMS rpms installed into a scratch root with its own rpm database and
/// erased again; nothing but the database may remain. Installing uses --nodeps (the scratch root has
/// no dkms, kmod or /bin/sh) and --noscripts: rpm runs scriptlets chrooted into the root, where no
/// shell exists, and outside it they would act on the host.
/// </summary>
public sealed class RpmPackageSmoke(IProcessRunner runner)
{
    public const string LogFileName = "rpm-smoke.log";

    /// <summary>The directories every system has, created before the "before" listing (packages do not own them).</summary>
    public static IReadOnlyList<string> Skeleton { get; } = ["usr/src", "lib/modules", "var/lib/rpm"];

    public async Task<PackageSmokeReport> RunAsync(RpmSmokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ModulePackageModel modules = request.Modules;
        string log = Path.Combine(Path.GetFullPath(request.LogDir), LogFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllText(log, string.Empty);
        var checks = new List<PackageSmokeCheck>();

        IReadOnlyList<string> kmodFiles = await QueryAsync(request.ModulesRpm, RpmQueryKind.Files, log, cancellationToken).ConfigureAwait(false);
        checks.Add(PackageSmokeCheck.That("rpm/kmod_files", kmodFiles.SequenceEqual([modules.ModuleDirectory, modules.ModuleFile]),
            string.Join(" ", kmodFiles)));
        string requirement = $"kernel = {modules.KernelRpmVersionRelease}";
        IReadOnlyList<string> requires = await QueryAsync(request.ModulesRpm, RpmQueryKind.Requires, log, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> provides = await QueryAsync(request.KernelRpm, RpmQueryKind.Provides, log, cancellationToken).ConfigureAwait(false);
        checks.Add(PackageSmokeCheck.That("rpm/kmod_requires_exact_kernel", requires.Contains(requirement) && provides.Contains(requirement),
            $"kmod requires '{requirement}': {requires.Contains(requirement)}; the kernel rpm provides it: {provides.Contains(requirement)}"));
        string scripts = string.Join("\n", await QueryAsync(request.ModulesRpm, RpmQueryKind.Scripts, log, cancellationToken).ConfigureAwait(false));
        int post = scripts.IndexOf("postinstall scriptlet", StringComparison.Ordinal);
        int postun = scripts.IndexOf("postuninstall scriptlet", StringComparison.Ordinal);
        string depmod = "depmod -a " + modules.KernelRelease;
        checks.Add(PackageSmokeCheck.That("rpm/kmod_scriptlets_run_depmod",
            post >= 0 && postun > post && scripts[post..postun].Contains(depmod, StringComparison.Ordinal) && scripts[postun..].Contains(depmod, StringComparison.Ordinal),
            $"%post and %postun run '{depmod}'"));
        IReadOnlyList<string> dkmsFiles = await QueryAsync(request.DkmsRpm, RpmQueryKind.Files, log, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> dkmsRequires = await QueryAsync(request.DkmsRpm, RpmQueryKind.Requires, log, cancellationToken).ConfigureAwait(false);
        checks.Add(PackageSmokeCheck.That("rpm/dkms_files_and_requires",
            dkmsFiles.Contains(request.DkmsSourceDirectory + "/dkms.conf") && dkmsRequires.Contains("dkms"),
            $"{dkmsFiles.Count} files under {request.DkmsSourceDirectory}, requires dkms: {dkmsRequires.Contains("dkms")}"));

        (IReadOnlyList<string> before, IReadOnlyList<string> after) = await InstallAndEraseAsync(request, checks, log, cancellationToken).ConfigureAwait(false);
        return new PackageSmokeReport(checks, before, after, null);
    }

    private async Task<(IReadOnlyList<string> Before, IReadOnlyList<string> After)> InstallAndEraseAsync(
        RpmSmokeRequest request, List<PackageSmokeCheck> checks, string log, CancellationToken cancellationToken)
    {
        ScratchRoot root = ScratchRoot.CreateEmpty(Path.Combine(request.ScratchDir, "rpm-root"));
        foreach (string directory in Skeleton)
        {
            Directory.CreateDirectory(root.PathOf(directory));
        }

        await RunAsync(PackagingCommands.RpmInRoot(root.Root, ["--initdb"]), log, cancellationToken).ConfigureAwait(false);
        string database = PackagingCommands.RpmRootDatabase.TrimStart('/') + "/";
        IReadOnlyList<string> before = root.List();
        string[] packages = [request.KernelRpm, request.ModulesRpm, request.DkmsRpm];
        int install = await RunAsync(PackagingCommands.RpmInRoot(root.Root, ["-i", "--nodeps", "--noscripts", .. packages]), log, cancellationToken)
            .ConfigureAwait(false);
        bool present = File.Exists(root.PathOf(request.Modules.ModuleFile)) && File.Exists(root.PathOf(request.DkmsSourceDirectory + "/dkms.conf"));
        // Erasing the kernel must be refused because the installed kmod package needs exactly it.
        string requirement = $"kernel = {request.Modules.KernelRpmVersionRelease} is needed by (installed) {request.Modules.ModulesRpm}-";
        (int test, IReadOnlyList<string> refusal) = await RunWithOutputAsync(
            PackagingCommands.RpmInRoot(root.Root, ["-e", "--test", Path.GetFileNameWithoutExtension(request.KernelRpm)]), log, cancellationToken).ConfigureAwait(false);
        bool linked = test != 0 && refusal.Any(l => l.Contains(requirement, StringComparison.Ordinal));
        checks.Add(PackageSmokeCheck.That("rpm/install_into_scratch_root", install == 0 && present && linked,
            $"rpm -i --nodeps --noscripts (scriptlets cannot run in the scratch root) of kernel, kmod and DKMS rpms: exit {install}, "
            + $"module and dkms.conf in place: {present}, the installed kernel satisfies the kmod requirement (rpm -e --test kernel refused): {linked}"));

        string[] names = [.. packages.Select(p => Path.GetFileNameWithoutExtension(p))];
        int erase = await RunAsync(PackagingCommands.RpmInRoot(root.Root, ["-e", "--nodeps", "--noscripts", .. names]), log, cancellationToken)
            .ConfigureAwait(false);
        IReadOnlyList<string> after = root.List();
        IReadOnlyList<string> left = TreeListing.Added(before, after, [database]);
        checks.Add(PackageSmokeCheck.That("rpm/erase_leaves_nothing", erase == 0 && left.Count == 0,
            left.Count == 0 ? $"rpm -e: exit {erase}; scratch root as before apart from the rpm database" : $"rpm -e: exit {erase}; left behind: {string.Join(", ", left.Take(10))}"));
        return (before, after);
    }

    private async Task<IReadOnlyList<string>> QueryAsync(string rpm, RpmQueryKind kind, string log, CancellationToken cancellationToken)
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
