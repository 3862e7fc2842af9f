using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// The prebuilt-module packages of one kernel: <c>&lt;modules_deb&gt;-&lt;kernel release&gt;_&lt;version&gt;_&lt;arch&gt;.deb</c>
/// depending on exactly the linux-image package built with it, and
/// <c>&lt;modules_rpm&gt;-&lt;version&gt;-1.&lt;arch&gt;.rpm</c> requiring exactly the kernel rpm. The module goes to
/// /lib/modules/&lt;release&gt;/updates/. Built from the manifest and the kernel's packages; its properties are the
/// module templates' variables in snake_case.
/// </summary>
public sealed record ModulePackageModel : PackageMetadata
{
    /// <summary>Where the module goes under /lib/modules/&lt;release&gt; in the .deb: depmod ranks updates/ above the kernel's own.</summary>
    public const string ModuleSubdirectory = "updates";

    /// <summary>Where the rpm puts it, as kmodtool does: /usr/lib/modules/&lt;release&gt;/extra/&lt;module&gt;/.</summary>
    public const string RpmModuleSubdirectory = "extra";

    /// <summary>The module packages of the manifest's first module for the kernel <paramref name="kernel"/>.</summary>
    /// <param name="manifest">The series manifest (its packages section and modules[0]).</param>
    /// <param name="sourceDateEpoch">The packages' SOURCE_DATE_EPOCH.</param>
    /// <param name="kernel">The kernel packages the module was built with.</param>
    /// <param name="isSigned">Whether the module carries a signature (said in the descriptions).</param>
    /// <param name="kernelImageSha256">The sha256 (hex) of the kernel image the module was built with.</param>
    /// <exception cref="PackageInputException">The derived package name is not a valid package name (e.g. an upper-case local version).</exception>
    public ModulePackageModel(SeriesManifest manifest, long sourceDateEpoch, KernelPackageModel kernel, bool isSigned, string kernelImageSha256)
        : base(manifest, sourceDateEpoch)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(kernelImageSha256);
        if (kernelImageSha256.Length < 8 || !kernelImageSha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"'{kernelImageSha256}' is not a lower-case hex sha256.", nameof(kernelImageSha256));
        }

        ModulesDebVirtual = manifest.Packages!.ModulesDeb;
        ModulesDeb = $"{ModulesDebVirtual}-{kernel.Release}";
        if (!ManifestPatterns.DebianPackage().IsMatch(ModulesDeb))
        {
            throw new PackageInputException(
                [$"modules package name '{ModulesDeb}' (modules_deb and the kernel release): a Debian package name has only lower-case letters, "
                 + "digits, '+', '-' and '.'; use such a packages.local_version in the manifest."]);
        }

        Kernel = kernel;
        IsSigned = isSigned;
        KernelBuildId = kernelImageSha256[..8];
    }

    /// <summary>The kernel's packages, which the module packages depend on exactly.</summary>
    public KernelPackageModel Kernel { get; init; }

    /// <summary>The Debian package name: &lt;modules_deb&gt;-&lt;kernel release&gt;, e.g. mtcopy-modules-6.12.117-mtcopy.</summary>
    public string ModulesDeb { get; init; }

    /// <summary>The manifest's modules_deb (e.g. mtcopy-modules): provided, so the DKMS package's Conflicts names every kernel's.</summary>
    public string ModulesDebVirtual { get; init; }

    /// <summary>True when the module carries a signature (sign-file); said in the descriptions.</summary>
    public bool IsSigned { get; init; }

    /// <summary>
    /// The first 8 hex digits of the kernel image's sha256: in the module packages' versions, because the kernel's own version
    /// (pinned, build number 1) stays the same when its build changes, and a module fits one build only.
    /// </summary>
    public string KernelBuildId { get; init; }

    public string KernelRelease => Kernel.Release;

    /// <summary>linux-image-&lt;release&gt;, depended on at exactly <see cref="KernelDebVersion"/>.</summary>
    public string KernelImageDeb => Kernel.ImageDeb;

    public string KernelDebVersion => Kernel.DebVersion;

    /// <summary>version-release of the kernel rpm, required exactly (e.g. 6.12.117_mtcopy-1).</summary>
    public string KernelRpmVersionRelease => Kernel.RpmVersionRelease;

    public string DebArch => Kernel.DebArch;

    public string RpmArch => Kernel.RpmArch;

    /// <summary>RPM Release: 1.k&lt;kernel build id&gt; (the spec appends %{?dist}).</summary>
    public string Release => $"{DkmsPackageModel.RpmRelease}.k{KernelBuildId}";

    /// <summary>Debian version (native): &lt;version&gt;+k&lt;kernel build id&gt;.</summary>
    public string DebVersion => $"{Version}+k{KernelBuildId}";

    /// <summary>kmodtool's name of the package that holds the module: kmod-&lt;name&gt;-&lt;uname -r&gt;.</summary>
    public string KmodRpm => $"{ModulesRpm}-{KernelRelease}";

    /// <summary>What every kmod package of the module provides (kmodtool's &lt;name&gt;-kmod).</summary>
    public string KmodCapability => $"{Name}-kmod";

    /// <summary>/usr/lib/modules/&lt;release&gt;/extra/&lt;module&gt;: the rpm's module directory.</summary>
    public string RpmModuleDirectory => $"/usr/lib/modules/{KernelRelease}/{RpmModuleSubdirectory}/{ModuleName}";

    public string RpmModuleFile => $"{RpmModuleDirectory}/{ModuleName}.ko";

    /// <summary>/lib/modules/&lt;release&gt;/updates.</summary>
    public string ModuleDirectory => $"/lib/modules/{KernelRelease}/{ModuleSubdirectory}";

    /// <summary>/lib/modules/&lt;release&gt;/updates/&lt;module&gt;.ko.</summary>
    public string ModuleFile => $"{ModuleDirectory}/{ModuleName}.ko";

    public string DebFileName => $"{ModulesDeb}_{DebVersion}_{DebArch}.deb";

    /// <summary>The kmod-&lt;name&gt; meta package, which requires the kmod package of the kernel it was built with.</summary>
    public string RpmFileName => $"{ModulesRpm}-{Version}-{Release}.{RpmArch}.rpm";

    /// <summary>kmod-&lt;name&gt;-&lt;uname -r&gt;, the package with the module.</summary>
    public string KmodRpmFileName => $"{KmodRpm}-{Version}-{Release}.{RpmArch}.rpm";

    public string RpmSpecFileName => $"{ModulesRpm}.spec";

    /// <summary>Debian Installed-Size in KiB; set by the .deb builder once the tree is staged.</summary>
    public long InstalledSizeKib { get; init; }
}
