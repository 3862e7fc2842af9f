using Mtcopy.Adapters.Process;
using Mtcopy.Core.SystemTest;

namespace Mtcopy.Adapters.SystemTest;

/// <summary>
/// Puts a negative control's defect into copies of the packages (the originals stay as built): the test must
/// then fail at the fault's step (<see cref="SystemFaults.ExpectedStep"/>).
/// </summary>
public sealed class SystemFaultInjector(IProcessRunner runner)
{
    /// <summary>The leftover file <see cref="SystemFault.PurgeLeavesFile"/> makes.</summary>
    public const string LeftoverFile = "/var/lib/mtcopy/leftover";

    /// <param name="kernelModule">mtcopy.ko as the kernel build made it (for <see cref="SystemFault.KernelShipsModule"/>).</param>
    /// <param name="modulePath">Where an in-tree mtcopy.ko lives under /lib/modules/&lt;release&gt;/.</param>
    public async Task<SystemTestDebs> InjectAsync(SystemFault fault, SystemTestDebs debs, string release, string kernelModule, string modulePath,
        string outDir, string scratch, string logPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(debs);
        ArgumentNullException.ThrowIfNull(modulePath);
        if (Path.IsPathRooted(modulePath) || modulePath.Split('/').Contains(".."))
        {
            throw new ArgumentException($"{modulePath}: not a path under /lib/modules/<release>/", nameof(modulePath));
        }

        Directory.CreateDirectory(outDir);
        switch (fault)
        {
            case SystemFault.UnameOnlyPostinst:
                return debs with
                {
                    Dkms = await Repack(debs.Dkms, outDir, scratch, tree => DebRepacker.WriteScript(tree, "postinst", UnameOnlyPostinst(tree)), logPath, cancellationToken).ConfigureAwait(false),
                    DkmsUpgrade = await Repack(debs.DkmsUpgrade, Path.Combine(outDir, "upgrade"), scratch,
                        tree => DebRepacker.WriteScript(tree, "postinst", UnameOnlyPostinst(tree)), logPath, cancellationToken).ConfigureAwait(false),
                };
            case SystemFault.KernelShipsModule:
                return debs with
                {
                    KernelImage = await Repack(debs.KernelImage, outDir, scratch, tree =>
                    {
                        string target = Path.Combine(tree, "lib", "modules", release, modulePath);
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        File.Copy(kernelModule, target, overwrite: true);
                    }, logPath, cancellationToken).ConfigureAwait(false),
                };
            case SystemFault.PurgeLeavesFile:
                return debs with
                {
                    Dkms = await Repack(debs.Dkms, outDir, scratch, tree => DebRepacker.InsertIntoScript(tree, "postinst",
                        $"mkdir -p {Path.GetDirectoryName(LeftoverFile)} && touch {LeftoverFile}"), logPath, cancellationToken).ConfigureAwait(false),
                };
            default:
                return debs;
        }
    }

    // The postinst mtcopy-dkms had before issue 10: add and build for the running kernel only.
    private static string UnameOnlyPostinst(string tree)
    {
        string version = File.ReadAllLines(Path.Combine(tree, "DEBIAN", "control"))
            .First(l => l.StartsWith("Version: ", StringComparison.Ordinal))["Version: ".Length..].Split('-')[0];
        return "#!/bin/sh\nset -e\nif [ \"$1\" = configure ]; then\n"
            + $"\tdkms add -m mtcopy -v {version} || true\n"
            + $"\tdkms install -m mtcopy -v {version} -k \"$(uname -r)\" || true\nfi\n";
    }

    private async Task<string> Repack(string deb, string outDir, string scratch, Action<string> change, string logPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outDir);
        string output = Path.Combine(outDir, Path.GetFileName(deb));
        await new DebRepacker(runner).RepackAsync(deb, output, scratch, change, logPath, cancellationToken).ConfigureAwait(false);
        return output;
    }
}
