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
/// built with, or packaging relinks a different kernel than the one tested.
/// </summary>
public sealed partial record KernelPackageSpec
{
    private KernelPackageSpec() { }

    /// <summary>uname -r, e.g. 6.12.117-mtcopy.</summary>
    public required string Release { get; init; }

    /// <summary>Debian version of every kernel .deb: &lt;kernel version&gt;+&lt;series&gt;.&lt;series version&gt;-&lt;build number&gt;.</summary>
    public required string DebVersion { get; init; }

    /// <summary>RPM Version of the kernel packages: the release with '-' replaced by '_'.</summary>
    public required string RpmVersion { get; init; }

    public required int BuildNumber { get; init; }

    /// <summary>Debian architecture, e.g. amd64.</summary>
    public required string DebArch { get; init; }

    /// <summary>RPM architecture (the kernel's UTS_MACHINE), e.g. x86_64.</summary>
    public required string RpmArch { get; init; }

    /// <summary>KDEB_SOURCENAME: the source package named in the .changes file, e.g. linux-mtcopy.</summary>
    public required string DebSourceName { get; init; }

    public string ImageDeb => "linux-image-" + Release;

    public string HeadersDeb => "linux-headers-" + Release;

    public const string LibcDevDeb = "linux-libc-dev";

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
    /// <param name="seriesName">e.g. mtcopy.</param>
    /// <param name="seriesVersion">e.g. 0.1.0.</param>
    /// <param name="buildNumber">KBUILD_BUILD_VERSION of the build (1 when pinned as the Build stage does).</param>
    /// <exception cref="PackageInputException">A value the packages cannot carry.</exception>
    public static KernelPackageSpec Create(string release, string arch, string seriesName, string seriesVersion, int buildNumber)
    {
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

        if (seriesName is null || !SeriesPattern().IsMatch(seriesName))
        {
            problems.Add($"series name '{seriesName}': use lower-case letters and digits (it becomes part of the package version).");
        }

        if (seriesVersion is null || !SeriesVersionPattern().IsMatch(seriesVersion))
        {
            problems.Add($"series version '{seriesVersion}': use digits first, then letters, digits, '.', '+' or '~'.");
        }

        if (buildNumber < 1)
        {
            problems.Add($"build number {buildNumber}: use 1 or more (it is KBUILD_BUILD_VERSION).");
        }

        if (problems.Count > 0)
        {
            throw new PackageInputException(problems);
        }

        string number = buildNumber.ToString(CultureInfo.InvariantCulture);
        string upstream = version!.WithoutExtra().ToString();
        return new KernelPackageSpec
        {
            Release = release!,
            DebVersion = $"{upstream}+{seriesName}.{seriesVersion}-{number}",
            RpmVersion = release!.Replace('-', '_'),
            BuildNumber = buildNumber,
            DebArch = arches!.Value.Deb,
            RpmArch = arches.Value.Rpm,
            DebSourceName = "linux-" + seriesName,
        };
    }

    private string DebFile(string package) => $"{package}_{DebVersion}_{DebArch}.deb";

    private string RpmFile(string package) => $"{package}-{RpmVersionRelease}.{RpmArch}.rpm";

    [GeneratedRegex(@"^[0-9]+\.[0-9]+(\.[0-9]+)?[A-Za-z0-9.+_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleasePattern();

    [GeneratedRegex("^[a-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SeriesPattern();

    [GeneratedRegex("^[0-9][A-Za-z0-9.+~]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SeriesVersionPattern();
}
