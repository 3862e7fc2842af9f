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
    public async Task<PackageSmokeReport> RunAsync(DkmsSmokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The directories a system with dkms has (the packages do not own them), there before the "before" listing.
        var session = PackageSmokeSession.Start(runner, request.ScratchDir, "deb-root", ["usr/src", "var/lib/dkms", "lib/modules"], request.LogDir, "dkms-smoke.log");
        var trees = new DkmsTrees(session.Root.Root);
        IReadOnlyList<string> before = session.Root.List();
        string headers = session.Root.PathOf($"usr/src/linux-headers-{request.Kernel.Release}");
        var patched = new DkmsTarget(request.Package.Name, request.Package.Version, request.Kernel.Release, request.Kernel.RpmArch, headers);
        string? moduleCopy = null;

        IReadOnlyList<IReadOnlyList<string>> installed = await UnpackAsync(session, request, cancellationToken).ConfigureAwait(false);
        if (request.OwnershipDebs is { } owners)
        {
            session.Checks.Add(await CheckOwnershipAsync(session, request, owners, cancellationToken).ConfigureAwait(false));
        }

        DkmsSigning? signing = request.SigningKey is { } key ? new DkmsSigning(ModuleSigner.SignFilePath(headers), key) : null;
        if (session.Checks.All(c => c.Ok))
        {
            moduleCopy = await BuildPatchedAsync(session, request, trees, patched, signing, cancellationToken).ConfigureAwait(false);
            await BuildUnpatchedAsync(session, request, trees, cancellationToken).ConfigureAwait(false);
            int removed = (await session.RunAsync(DkmsCommands.Remove(trees, request.Package.Name, request.Package.Version), cancellationToken).ConfigureAwait(false)).ExitCode;
            session.Check("deb/dkms_remove", removed == 0, $"dkms remove --all: exit {removed}");
        }

        foreach (IReadOnlyList<string> contents in Enumerable.Reverse(installed))
        {
            session.Root.Remove(contents, [.. before]);
        }

        return session.Finish("deb/purge_leaves_nothing", before, removedOk: true, "", null, moduleCopy);
    }

    /// <summary>The headers and dkms packages unpacked into the scratch root, a check each; their path lists, in that order.</summary>
    private static async Task<IReadOnlyList<IReadOnlyList<string>>> UnpackAsync(PackageSmokeSession session, DkmsSmokeRequest request,
        CancellationToken cancellationToken)
    {
        var installed = new List<IReadOnlyList<string>>();
        foreach (string deb in new[] { request.HeadersDeb, request.DkmsDeb })
        {
            IReadOnlyList<string> contents = await ContentsAsync(session, deb, cancellationToken).ConfigureAwait(false);
            int exit = (await session.RunAsync(PackagingCommands.DebExtract(deb, session.Root.Root), cancellationToken).ConfigureAwait(false)).ExitCode;
            session.Check("deb/unpack_" + Path.GetFileName(deb).Split('_')[0], exit == 0, $"dpkg-deb -x into the scratch root: exit {exit}, {contents.Count} paths");
            installed.Add(contents);
        }

        return installed;
    }

    private static async Task<PackageSmokeCheck> CheckOwnershipAsync(PackageSmokeSession session, DkmsSmokeRequest request,
        (string ImageDeb, string ModulesDeb) owners, CancellationToken cancellationToken)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (string deb in new[] { owners.ImageDeb, owners.ModulesDeb })
        {
            lists[Path.GetFileName(deb)] = await ContentsAsync(session, deb, cancellationToken).ConfigureAwait(false);
        }

        return ModuleOwnership.Check("deb/one_package_ships_the_module", lists, request.Package.ModuleName, request.Kernel.Release,
            Path.GetFileName(owners.ModulesDeb));
    }

    // dpkg-deb -c, not logged (thousands of lines for the kernel's packages).
    private static async Task<IReadOnlyList<string>> ContentsAsync(PackageSmokeSession session, string deb, CancellationToken cancellationToken) =>
        DebContents.Parse((await session.RunAsync(PackagingCommands.DebContents(deb), cancellationToken, logged: false).ConfigureAwait(false)).Lines);

    private static async Task<string?> BuildPatchedAsync(PackageSmokeSession session, DkmsSmokeRequest request, DkmsTrees trees, DkmsTarget patched,
        DkmsSigning? signing, CancellationToken cancellationToken)
    {
        int add = (await session.RunAsync(DkmsCommands.Add(trees, request.Package.Name, request.Package.Version), cancellationToken).ConfigureAwait(false)).ExitCode;
        session.Check("deb/dkms_add", add == 0, $"dkms add {request.Package.Name}/{request.Package.Version}: exit {add}");
        if (add != 0)
        {
            return null;
        }

        int build = (await session.RunAsync(DkmsCommands.Build(trees, patched, signing), cancellationToken).ConfigureAwait(false)).ExitCode;
        string built = DkmsCommands.BuiltModulePath(trees, patched, request.Package.ModuleName);
        session.Check("deb/dkms_build_patched", build == 0 && File.Exists(built), $"dkms build -k {request.Kernel.Release} against the headers package: exit {build}");
        if (build != 0 || !File.Exists(built))
        {
            return null;
        }

        int install = (await session.RunAsync(DkmsCommands.Install(trees, patched, signing), cancellationToken).ConfigureAwait(false)).ExitCode;
        string target = DkmsCommands.InstalledModulePath(trees, patched, request.Package.ModuleName);
        byte[] module = File.Exists(target) ? await File.ReadAllBytesAsync(target, cancellationToken).ConfigureAwait(false) : [];
        string? vermagic = ModuleInfo.Vermagic(module);
        session.Check("deb/dkms_install_patched", install == 0 && ModuleInfo.IsFor(vermagic, request.Kernel.Release),
            $"dkms install: exit {install}, {Path.GetRelativePath(trees.Root, target)} vermagic '{vermagic?.TrimEnd()}'");
        if (signing is not null)
        {
            session.Check("deb/dkms_signed", ModuleSignature.IsSigned(module),
                ModuleSignature.IsSigned(module) ? "dkms signed the module with --sign-key" : $"no signature marker at the end of {target}");
        }

        if (install != 0 || request.ModuleCopyPath is null || module.Length == 0)
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(request.ModuleCopyPath))!);
        await File.WriteAllBytesAsync(request.ModuleCopyPath, module, cancellationToken).ConfigureAwait(false);
        return Path.GetFullPath(request.ModuleCopyPath);
    }

    private static async Task BuildUnpatchedAsync(PackageSmokeSession session, DkmsSmokeRequest request, DkmsTrees trees, CancellationToken cancellationToken)
    {
        if (request.Unpatched is not { } unpatched)
        {
            session.Checks.Add(PackageSmokeCheck.Fail("deb/dkms_declines_unpatched", "no unpatched kernel was prepared"));
            return;
        }

        var target = new DkmsTarget(request.Package.Name, request.Package.Version, unpatched.Release, request.Kernel.RpmArch, unpatched.BuildDir);
        int exit = (await session.RunAsync(DkmsCommands.Build(trees, target, null), cancellationToken).ConfigureAwait(false)).ExitCode;
        session.Checks.Add(exit == DkmsCommands.Declined
            ? new PackageSmokeCheck("deb/dkms_declines_unpatched", PackageSmokeStatus.Declined,
                $"dkms build -k {unpatched.Release} (no core patches): declined, exit 77 (BUILD_EXCLUSIVE_CONFIG)")
            : PackageSmokeCheck.Fail("deb/dkms_declines_unpatched", $"dkms build -k {unpatched.Release} (no core patches): exit {exit}, expected 77"));
    }
}
