using Mtcopy.Adapters.Process;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// The DKMS package at work, in a scratch root and never in the host's /usr/src, /var/lib/dkms or
/// /lib/modules: the kernel headers .deb and the DKMS .deb are unpacked into it (dpkg-deb -x; their
/// maintainer scripts would act on the host, so the DKMS steps they run are run here, confined with
/// dkms --sourcetree/--dkmstree/--installtree), then: dkms add; build and install against the
/// patched kernel's headers; build against an unpatched kernel, which must be declined (exit 77);
/// dkms remove --all; the packages' files removed as dpkg would. The root must then be as empty as before.
/// </summary>
public sealed class DkmsPackageSmoke(IProcessRunner runner)
{
    public const string LogFileName = "dkms-smoke.log";

    /// <summary>The directories a system with dkms has, created before the "before" listing (the packages do not own them).</summary>
    public static IReadOnlyList<string> Skeleton { get; } = ["usr/src", "var/lib/dkms", "lib/modules"];

    public async Task<PackageSmokeReport> RunAsync(DkmsSmokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checks = new List<PackageSmokeCheck>();
        string log = Path.Combine(Path.GetFullPath(request.LogDir), LogFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllText(log, string.Empty);
        ScratchRoot root = ScratchRoot.CreateEmpty(Path.Combine(request.ScratchDir, "deb-root"));
        foreach (string directory in Skeleton)
        {
            Directory.CreateDirectory(root.PathOf(directory));
        }

        var trees = new DkmsTrees(root.Root);
        IReadOnlyList<string> before = root.List();
        string headers = root.PathOf($"usr/src/linux-headers-{request.KernelRelease}");
        var patched = new DkmsTarget(request.Name, request.Version, request.KernelRelease, request.Arch, headers);
        string? moduleCopy = null;

        IReadOnlyList<IReadOnlyList<string>> installed = await UnpackAsync(request, root, checks, log, cancellationToken).ConfigureAwait(false);
        if (request.OwnershipDebs is { } owners)
        {
            checks.Add(await CheckOwnershipAsync(request, owners, cancellationToken).ConfigureAwait(false));
        }

        DkmsSigning? signing = request.SigningKey is { } key ? new DkmsSigning(ModuleSigner.SignFilePath(headers), key) : null;
        if (checks.All(c => c.Ok))
        {
            moduleCopy = await BuildPatchedAsync(request, trees, patched, signing, checks, log, cancellationToken).ConfigureAwait(false);
            await BuildUnpatchedAsync(request, trees, checks, log, cancellationToken).ConfigureAwait(false);
            int removed = (await RunAsync(DkmsCommands.Remove(trees, request.Name, request.Version), log, cancellationToken).ConfigureAwait(false)).ExitCode;
            checks.Add(PackageSmokeCheck.That("deb/dkms_remove", removed == 0, $"dkms remove --all: exit {removed}"));
        }

        foreach (IReadOnlyList<string> contents in Enumerable.Reverse(installed))
        {
            root.Remove(contents, [.. before]);
        }

        IReadOnlyList<string> after = root.List();
        IReadOnlyList<string> left = TreeListing.Added(before, after);
        checks.Add(PackageSmokeCheck.That("deb/purge_leaves_nothing", left.Count == 0,
            left.Count == 0 ? $"scratch root empty again ({before.Count} entries before, {after.Count} after)" : "left behind: " + string.Join(", ", left.Take(10))));
        return new PackageSmokeReport(checks, before, after, moduleCopy);
    }

    /// <summary>The headers and dkms packages unpacked into the scratch root, a check each; their path lists, in that order.</summary>
    private async Task<IReadOnlyList<IReadOnlyList<string>>> UnpackAsync(DkmsSmokeRequest request, ScratchRoot root,
        List<PackageSmokeCheck> checks, string log, CancellationToken cancellationToken)
    {
        var installed = new List<IReadOnlyList<string>>();
        foreach (string deb in new[] { request.HeadersDeb, request.DkmsDeb })
        {
            IReadOnlyList<string> contents = DebContents.Parse((await RunAsync(PackagingCommands.DebContents(deb), null, cancellationToken).ConfigureAwait(false)).Lines);
            int exit = (await RunAsync(PackagingCommands.DebExtract(deb, root.Root), log, cancellationToken).ConfigureAwait(false)).ExitCode;
            checks.Add(PackageSmokeCheck.That("deb/unpack_" + Path.GetFileName(deb).Split('_')[0], exit == 0,
                $"dpkg-deb -x into the scratch root: exit {exit}, {contents.Count} paths"));
            installed.Add(contents);
        }

        return installed;
    }

    private async Task<PackageSmokeCheck> CheckOwnershipAsync(DkmsSmokeRequest request, (string ImageDeb, string ModulesDeb) owners, CancellationToken cancellationToken)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (string deb in new[] { owners.ImageDeb, owners.ModulesDeb })
        {
            lists[Path.GetFileName(deb)] = DebContents.Parse((await RunAsync(PackagingCommands.DebContents(deb), null, cancellationToken).ConfigureAwait(false)).Lines);
        }

        return ModuleOwnership.Check("deb/one_package_ships_the_module", lists, request.ModuleName, request.KernelRelease,
            Path.GetFileName(owners.ModulesDeb));
    }

    private async Task<string?> BuildPatchedAsync(DkmsSmokeRequest request, DkmsTrees trees, DkmsTarget patched, DkmsSigning? signing,
        List<PackageSmokeCheck> checks, string log, CancellationToken cancellationToken)
    {
        int add = (await RunAsync(DkmsCommands.Add(trees, request.Name, request.Version), log, cancellationToken).ConfigureAwait(false)).ExitCode;
        checks.Add(PackageSmokeCheck.That("deb/dkms_add", add == 0, $"dkms add {request.Name}/{request.Version}: exit {add}"));
        if (add != 0)
        {
            return null;
        }

        int build = (await RunAsync(DkmsCommands.Build(trees, patched, signing), log, cancellationToken).ConfigureAwait(false)).ExitCode;
        string built = DkmsCommands.BuiltModulePath(trees, patched, request.ModuleName);
        checks.Add(PackageSmokeCheck.That("deb/dkms_build_patched", build == 0 && File.Exists(built),
            $"dkms build -k {request.KernelRelease} against the headers package: exit {build}"));
        if (build != 0 || !File.Exists(built))
        {
            return null;
        }

        int install = (await RunAsync(DkmsCommands.Install(trees, patched, signing), log, cancellationToken).ConfigureAwait(false)).ExitCode;
        string target = DkmsCommands.InstalledModulePath(trees, patched, request.ModuleName);
        byte[] module = File.Exists(target) ? await File.ReadAllBytesAsync(target, cancellationToken).ConfigureAwait(false) : [];
        string? vermagic = ModuleInfo.Vermagic(module);
        checks.Add(PackageSmokeCheck.That("deb/dkms_install_patched", install == 0 && ModuleInfo.IsFor(vermagic, request.KernelRelease),
            $"dkms install: exit {install}, {Path.GetRelativePath(trees.Root, target)} vermagic '{vermagic?.TrimEnd()}'"));
        if (signing is not null)
        {
            checks.Add(PackageSmokeCheck.That("deb/dkms_signed", ModuleSignature.IsSigned(module),
                ModuleSignature.IsSigned(module) ? "dkms signed the module with --sign-key" : $"no signature marker at the end of {target}"));
        }

        if (install != 0 || request.ModuleCopyPath is null || module.Length == 0)
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(request.ModuleCopyPath))!);
        await File.WriteAllBytesAsync(request.ModuleCopyPath, module, cancellationToken).ConfigureAwait(false);
        return Path.GetFullPath(request.ModuleCopyPath);
    }

    private async Task BuildUnpatchedAsync(DkmsSmokeRequest request, DkmsTrees trees, List<PackageSmokeCheck> checks, string log, CancellationToken cancellationToken)
    {
        if (request.Unpatched is not { } unpatched)
        {
            checks.Add(PackageSmokeCheck.Fail("deb/dkms_declines_unpatched", "no unpatched kernel was prepared"));
            return;
        }

        var target = new DkmsTarget(request.Name, request.Version, unpatched.Release, request.Arch, unpatched.BuildDir);
        int exit = (await RunAsync(DkmsCommands.Build(trees, target, null), log, cancellationToken).ConfigureAwait(false)).ExitCode;
        checks.Add(exit == DkmsCommands.Declined
            ? new PackageSmokeCheck("deb/dkms_declines_unpatched", PackageSmokeStatus.Declined,
                $"dkms build -k {unpatched.Release} (no core patches): declined, exit 77 (BUILD_EXCLUSIVE_CONFIG)")
            : PackageSmokeCheck.Fail("deb/dkms_declines_unpatched", $"dkms build -k {unpatched.Release} (no core patches): exit {exit}, expected 77"));
    }

    // log null: not logged (e.g. the thousands of lines of a file list).
    private async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunAsync(ToolCommand command, string? log, CancellationToken cancellationToken)
    {
        if (log is not null)
        {
            await File.AppendAllTextAsync(log, "$ " + command.CommandLine + "\n", cancellationToken).ConfigureAwait(false);
        }

        (ProcessResult result, IReadOnlyList<string> lines) = await ToolRun.RunAsync(runner, command, log, throwOnNonZeroExit: false, cancellationToken)
            .ConfigureAwait(false);
        return (result.ExitCode, lines);
    }
}
