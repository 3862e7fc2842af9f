using System.Globalization;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// dkms command lines confined to <see cref="DkmsTrees"/>: every command names the three trees,
/// builds name the kernel's build directory (--kernelsourcedir), and install and remove skip
/// depmod (which would act on the host's /lib/modules). Signing is set through the environment
/// variables dkms reads from /etc/dkms/framework.conf (sign_file, mok_signing_key, mok_certificate):
/// with no key, sign_file points at a file that does not exist, so dkms signs nothing and never
/// generates a key of its own under /var/lib/dkms.
/// </summary>
public static class DkmsCommands
{
    /// <summary>dkms's exit code when BUILD_EXCLUSIVE_* rules the kernel out: declined, not failed.</summary>
    public const int Declined = 77;

    public static ToolCommand Add(DkmsTrees trees, string name, string version) =>
        Dkms(trees, null, ["add", "-m", name, "-v", version]);

    public static ToolCommand Build(DkmsTrees trees, DkmsTarget target, DkmsSigning? signing) =>
        Dkms(trees, signing, ["build", .. Module(target), "--kernelsourcedir", target.KernelSourceDir]);

    public static ToolCommand Install(DkmsTrees trees, DkmsTarget target, DkmsSigning? signing) =>
        Dkms(trees, signing, ["install", .. Module(target), "--kernelsourcedir", target.KernelSourceDir, "--no-depmod"]);

    public static ToolCommand Remove(DkmsTrees trees, string name, string version) =>
        Dkms(trees, null, ["remove", "-m", name, "-v", version, "--all", "--no-depmod"]);

    public static ToolCommand Status(DkmsTrees trees, string name) =>
        Dkms(trees, null, ["status", "-m", name]);

    /// <summary>Where dkms keeps a built module: &lt;dkmstree&gt;/&lt;name&gt;/&lt;version&gt;/&lt;kernel&gt;/&lt;arch&gt;/module/&lt;module&gt;.ko.</summary>
    public static string BuiltModulePath(DkmsTrees trees, DkmsTarget target, string moduleName)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(target);
        return string.Create(CultureInfo.InvariantCulture,
            $"{trees.DkmsTree}/{target.Name}/{target.Version}/{target.KernelRelease}/{target.Arch}/module/{moduleName}.ko");
    }

    /// <summary>Where dkms install puts it: &lt;installtree&gt;/&lt;kernel&gt;&lt;DEST_MODULE_LOCATION&gt;/&lt;module&gt;.ko.</summary>
    public static string InstalledModulePath(DkmsTrees trees, DkmsTarget target, string moduleName)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(target);
        return $"{trees.InstallTree}/{target.KernelRelease}{DkmsPackageModel.DkmsDestination}/{moduleName}.ko";
    }

    private static string[] Module(DkmsTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ["-m", target.Name, "-v", target.Version, "-k", target.KernelRelease + "/" + target.Arch];
    }

    private static ToolCommand Dkms(DkmsTrees trees, DkmsSigning? signing, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(trees);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["LC_ALL"] = "C.UTF-8",
            ["sign_file"] = signing is null ? trees.Root + "/no-sign-file" : signing.SignFile,
            ["mok_signing_key"] = signing?.Key.PrivateKeyPath,
            ["mok_certificate"] = signing?.Key.CertificatePath,
        };
        return new ToolCommand("dkms", [.. arguments, .. trees.Options], environment);
    }
}
