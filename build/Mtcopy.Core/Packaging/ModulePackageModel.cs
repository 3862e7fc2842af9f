using System.Text.RegularExpressions;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// The prebuilt-module packages of one kernel: <c>&lt;modules_deb&gt;-&lt;kernel release&gt;_&lt;version&gt;_&lt;arch&gt;.deb</c>
/// depending on exactly the linux-image package built with it, and
/// <c>&lt;modules_rpm&gt;-&lt;version&gt;-1.&lt;arch&gt;.rpm</c> requiring exactly the kernel rpm. The module goes to
/// /lib/modules/&lt;release&gt;/updates/. Its properties are the templates' variables in snake_case; the
/// names shared with <see cref="PackageModel"/> (name, version, maintainer, license, dates...) carry the
/// same values, so the copyright and changelog templates serve both.
/// </summary>
public sealed partial record ModulePackageModel
{
    /// <summary>Where the module goes under /lib/modules/&lt;release&gt; in the .deb: depmod ranks updates/ above the kernel's own.</summary>
    public const string ModuleSubdirectory = "updates";

    /// <summary>Where the rpm puts it, as kmodtool does: /usr/lib/modules/&lt;release&gt;/extra/&lt;module&gt;/.</summary>
    public const string RpmModuleSubdirectory = "extra";

    private ModulePackageModel() { }

    public required string Name { get; init; }

    public required string Version { get; init; }

    public required string ModuleName { get; init; }

    public required string Maintainer { get; init; }

    public required string MaintainerName { get; init; }

    public required PackageLicense License { get; init; }

    public required string Summary { get; init; }

    public required string? Homepage { get; init; }

    public required string DkmsDeb { get; init; }

    public required string DkmsRpm { get; init; }

    /// <summary>The Debian package name: &lt;modules_deb&gt;-&lt;kernel release&gt;, e.g. mtcopy-modules-6.12.117-mtcopy.</summary>
    public required string ModulesDeb { get; init; }

    /// <summary>The manifest's modules_deb (e.g. mtcopy-modules): provided, so the DKMS package's Conflicts names every kernel's.</summary>
    public required string ModulesDebVirtual { get; init; }

    public required string ModulesRpm { get; init; }

    public required string KernelRelease { get; init; }

    /// <summary>linux-image-&lt;release&gt;, depended on at exactly <see cref="KernelDebVersion"/>.</summary>
    public required string KernelImageDeb { get; init; }

    public required string KernelDebVersion { get; init; }

    /// <summary>version-release of the kernel rpm, required exactly (e.g. 6.12.117_mtcopy-1).</summary>
    public required string KernelRpmVersionRelease { get; init; }

    public required string DebArch { get; init; }

    public required string RpmArch { get; init; }

    /// <summary>True when the module carries a signature (sign-file); said in the descriptions.</summary>
    public required bool IsSigned { get; init; }

    public required long SourceDateEpoch { get; init; }

    /// <summary>
    /// The first 8 hex digits of the kernel image's sha256: in the module packages' versions, because the kernel's own version
    /// (pinned, build number 1) stays the same when its build changes, and a module fits one build only.
    /// </summary>
    public required string KernelBuildId { get; init; }

    /// <summary>RPM Release: 1.k&lt;kernel build id&gt; (the spec appends %{?dist}).</summary>
    public string Release => $"{PackageModel.RpmRelease}.k{KernelBuildId}";

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

    /// <summary>Debian changelog date (RFC 2822) of SOURCE_DATE_EPOCH, in UTC.</summary>
    public string DebianDate => PackageDates.Debian(SourceDateEpoch);

    /// <summary>RPM %changelog date of SOURCE_DATE_EPOCH, in UTC.</summary>
    public string RpmDate => PackageDates.Rpm(SourceDateEpoch);

    public int CopyrightYear => PackageDates.Year(SourceDateEpoch);

    /// <summary>Debian Installed-Size in KiB; set by the .deb builder once the tree is staged.</summary>
    public long InstalledSizeKib { get; init; }

    /// <summary>The module packages of <paramref name="package"/>'s module for the kernel <paramref name="kernel"/>.</summary>
    /// <exception cref="PackageInputException">The derived package name is not a valid package name (e.g. an upper-case local version).</exception>
    /// <param name="kernelImageSha256">The sha256 (hex) of the kernel image the module was built with.</param>
    public static ModulePackageModel Create(PackageModel package, KernelPackageSpec kernel, bool isSigned, string kernelImageSha256)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(kernelImageSha256);
        if (kernelImageSha256.Length < 8 || !kernelImageSha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"'{kernelImageSha256}' is not a lower-case hex sha256.", nameof(kernelImageSha256));
        }

        string debName = $"{package.ModulesDeb}-{kernel.Release}";
        if (!DebNamePattern().IsMatch(debName))
        {
            throw new PackageInputException(
                [$"modules package name '{debName}' (modules_deb and the kernel release): a Debian package name has only lower-case letters, "
                 + "digits, '+', '-' and '.'; use such a packages.local_version in the manifest."]);
        }

        return new ModulePackageModel
        {
            Name = package.Name,
            Version = package.Version,
            ModuleName = package.ModuleName,
            Maintainer = package.Maintainer,
            MaintainerName = package.MaintainerName,
            License = package.License,
            Summary = package.Summary,
            Homepage = package.Homepage,
            DkmsDeb = package.DkmsDeb,
            DkmsRpm = package.DkmsRpm,
            ModulesDeb = debName,
            ModulesDebVirtual = package.ModulesDeb,
            ModulesRpm = package.ModulesRpm,
            KernelRelease = kernel.Release,
            KernelImageDeb = kernel.ImageDeb,
            KernelDebVersion = kernel.DebVersion,
            KernelRpmVersionRelease = kernel.RpmVersionRelease,
            DebArch = kernel.DebArch,
            RpmArch = kernel.RpmArch,
            IsSigned = isSigned,
            KernelBuildId = kernelImageSha256[..8],
            SourceDateEpoch = package.SourceDateEpoch,
        };
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DebNamePattern();
}
