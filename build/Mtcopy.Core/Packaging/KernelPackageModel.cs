using System.Globalization;
using System.Text.RegularExpressions;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// The patched kernel's packages as the kernel's own <c>make bindeb-pkg</c> and <c>make binrpm-pkg</c>
/// name them, for one kernel release (e.g. <c>6.12.117-mtcopy</c>):
/// <list type="bullet">
/// <item>.deb: <c>linux-image-&lt;release&gt;</c>, <c>linux-headers-&lt;release&gt;</c> and <c>linux-libc-dev</c>,
/// all at <see cref="DebVersion"/> (KDEB_PKGVERSION), e.g. <c>6.12.117+mtcopy.0.1.0-1</c>;</item>
/// <item>.rpm: <c>kernel</c>, <c>kernel-devel</c> and <c>kernel-headers</c> at version <see cref="RpmVersion"/>
/// (the release with '-' as '_') and release <see cref="BuildNumber"/>.</item>
/// </list>
/// <see cref="BuildNumber"/> is at once the Debian revision, the RPM Release and the KBUILD_BUILD_VERSION
/// (the "#1" of uname -v) both packaging targets pass to make: it must equal the one the kernel was
/// built with, or packaging relinks a different kernel than the one tested. The series name and version
/// come from the manifest, whose validation pass checked that the packages can carry them.
/// </summary>
public sealed partial record KernelPackageModel
{
    public const string LibcDevDeb = "linux-libc-dev";

    private KernelPackageModel(string release, string debVersion, int buildNumber, (string Deb, string Rpm) arches, string seriesName)
    {
        Release = release;
        DebVersion = debVersion;
        BuildNumber = buildNumber;
        (DebArch, RpmArch) = arches;
        DebSourceName = "linux-" + seriesName;
    }

    /// <summary>uname -r, e.g. 6.12.117-mtcopy.</summary>
    public string Release { get; }

    /// <summary>Debian version of every kernel .deb: &lt;kernel version&gt;+&lt;series&gt;.&lt;series version&gt;-&lt;build number&gt;.</summary>
    public string DebVersion { get; }

    public int BuildNumber { get; }

    /// <summary>Debian architecture, e.g. amd64.</summary>
    public string DebArch { get; }

    /// <summary>RPM architecture (the kernel's UTS_MACHINE), e.g. x86_64.</summary>
    public string RpmArch { get; }

    /// <summary>KDEB_SOURCENAME: the source package named in the .changes file, e.g. linux-mtcopy.</summary>
    public string DebSourceName { get; }

    /// <summary>RPM Version of the kernel packages: the release with '-' replaced by '_'.</summary>
    public string RpmVersion => Release.Replace('-', '_');

    public string ImageDeb => "linux-image-" + Release;

    public string HeadersDeb => "linux-headers-" + Release;

    public string ImageDebFile => DebFile(ImageDeb);

    public string HeadersDebFile => DebFile(HeadersDeb);

    public string LibcDevDebFile => DebFile(LibcDevDeb);

    /// <summary>The .deb files bindeb-pkg writes (tinyconfig has no CONFIG_DEBUG_INFO, so no -dbg package).</summary>
    public IReadOnlyList<string> DebFiles => [ImageDebFile, HeadersDebFile, LibcDevDebFile];

    /// <summary>RPM Release of the kernel packages.</summary>
    public string RpmRelease => BuildNumber.ToString(CultureInfo.InvariantCulture);

    /// <summary>version-release of the kernel rpm, e.g. 6.12.117_mtcopy-1: what the module rpm requires exactly.</summary>
    public string RpmVersionRelease => $"{RpmVersion}-{RpmRelease}";

    public string KernelRpmFile => RpmFile("kernel");

    public string KernelDevelRpmFile => RpmFile("kernel-devel");

    public string KernelHeadersRpmFile => RpmFile("kernel-headers");

    /// <summary>The .rpm files binrpm-pkg writes under rpmbuild/RPMS/&lt;arch&gt;/.</summary>
    public IReadOnlyList<string> RpmFiles => [KernelRpmFile, KernelDevelRpmFile, KernelHeadersRpmFile];

    /// <summary>The kernel rpm's capability naming this exact release (binrpm-pkg's spec: Provides: kernel-%{KERNELRELEASE}).</summary>
    public string RpmReleaseCapability => "kernel-" + Release;

    /// <param name="release">uname -r of the built kernel, e.g. 6.12.117-mtcopy.</param>
    /// <param name="arch">The kernel ARCH it was built for, e.g. x86_64.</param>
    /// <param name="seriesName">The manifest's series name, e.g. mtcopy.</param>
    /// <param name="seriesVersion">The manifest's series version, e.g. 0.1.0.</param>
    /// <param name="buildNumber">KBUILD_BUILD_VERSION of the build (1 when pinned as the Build stage does).</param>
    /// <exception cref="PackageInputException">A release, arch or build number the packages cannot carry.</exception>
    public static KernelPackageModel Create(string release, string arch, string seriesName, string seriesVersion, int buildNumber)
    {
        ArgumentNullException.ThrowIfNull(seriesName);
        ArgumentNullException.ThrowIfNull(seriesVersion);
        var problems = new List<string>();
        if (release is null || !ReleasePattern().IsMatch(release) || !KernelVersion.TryParse(release, out KernelVersion? version))
        {
            problems.Add($"kernel release '{release}': expected e.g. 6.12.117-mtcopy (digits and dots first, then letters, digits, '.', '+', '-', '_'); "
                + "set packages.local_version in the manifest without spaces.");
            version = null;
        }

        (string Deb, string Rpm)? arches = arch switch
        {
            "x86_64" => ("amd64", "x86_64"),
            "arm64" => ("arm64", "aarch64"),
            _ => null,
        };
        if (arches is null)
        {
            problems.Add($"kernel ARCH '{arch}': kernel packages are built for x86_64 or arm64 only.");
        }

        if (buildNumber < 1)
        {
            problems.Add($"build number {buildNumber}: use 1 or more (it is KBUILD_BUILD_VERSION).");
        }

        if (problems.Count > 0)
        {
            throw new PackageInputException(problems);
        }

        string upstream = version!.WithoutExtra().ToString();
        string debVersion = $"{upstream}+{seriesName}.{seriesVersion}-{buildNumber.ToString(CultureInfo.InvariantCulture)}";
        return new KernelPackageModel(release!, debVersion, buildNumber, arches!.Value, seriesName);
    }

    private string DebFile(string package) => $"{package}_{DebVersion}_{DebArch}.deb";

    private string RpmFile(string package) => $"{package}-{RpmVersionRelease}.{RpmArch}.rpm";

    [GeneratedRegex(@"^[0-9]+\.[0-9]+(\.[0-9]+)?[A-Za-z0-9.+_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleasePattern();
}
