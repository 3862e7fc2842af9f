using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// The DKMS packages: the source tarball, the Debian source package and its &lt;dkms_deb&gt;_&lt;version&gt;-1_all.deb, and
/// &lt;dkms_rpm&gt;-&lt;version&gt;-1.noarch.rpm, all installing the module source to /usr/src/&lt;name&gt;-&lt;version&gt; for DKMS to
/// build against any kernel that has the module's required options (BUILD_EXCLUSIVE_CONFIG). Built from the manifest
/// once; its properties are the DKMS templates' variables.
/// </summary>
public sealed record DkmsPackageModel : PackageMetadata
{
    /// <summary>Where DKMS installs the module under /lib/modules/&lt;kernel&gt;.</summary>
    public const string DkmsDestination = "/updates/dkms";

    /// <summary>RPM Release of the DKMS package, and the Debian revision of its (non-native) source package.</summary>
    public const string RpmRelease = "1";

    /// <summary>The DKMS packages of the manifest's first module, dated <paramref name="sourceDateEpoch"/>.</summary>
    /// <exception cref="ArgumentException">The manifest has no packages section or no module.</exception>
    public DkmsPackageModel(SeriesManifest manifest, long sourceDateEpoch)
        : base(manifest, sourceDateEpoch)
    {
        ModulesDeb = manifest.Packages!.ModulesDeb;
        BuildExclusiveConfig = string.Join(' ', manifest.Modules[0].Requires);
    }

    /// <summary>The prebuilt-module packages' Debian name (manifest modules_deb): the DKMS package conflicts with it.</summary>
    public string ModulesDeb { get; init; }

    /// <summary>The module's required Kconfig options, space-separated, for DKMS BUILD_EXCLUSIVE_CONFIG; empty when none.</summary>
    public string BuildExclusiveConfig { get; init; }

    /// <summary>A Debian package rendered as Recommends when set; the manifest does not set it.</summary>
    public string? KernelPackageDeb { get; init; }

    /// <summary>An RPM package rendered as Recommends when set; the manifest does not set it.</summary>
    public string? KernelPackageRpm { get; init; }

    /// <summary>The module source files (relative paths) and where debian/&lt;package&gt;.install puts each; set by the .deb builder.</summary>
    public IReadOnlyList<SourceInstallEntry> SourceFiles { get; init; } = [];

    /// <summary>/usr/src/&lt;name&gt;-&lt;version&gt;: the module source DKMS builds from.</summary>
    public string SourceDirectory => $"/usr/src/{Name}-{Version}";

    /// <summary>&lt;name&gt;-&lt;version&gt;: the tarball's top directory.</summary>
    public string TarballPrefix => $"{Name}-{Version}";

    public string TarballFileName => $"{Name}-{Version}.tar.gz";

    /// <summary>The Debian version: non-native, the upstream tarball is the .orig.tar.gz (e.g. 0.1.0-1).</summary>
    public string DebVersion => $"{Version}-{RpmRelease}";

    public string DebFileName => $"{DkmsDeb}_{DebVersion}_all.deb";

    /// <summary>The Debian source package: &lt;name&gt;_&lt;version&gt;.orig.tar.gz (the upstream tarball), .debian.tar.xz and .dsc.</summary>
    public string OrigTarballFileName => $"{Name}_{Version}.orig.tar.gz";

    public string DebianTarballFileName => $"{Name}_{DebVersion}.debian.tar.xz";

    public string DscFileName => $"{Name}_{DebVersion}.dsc";

    public string RpmFileName => $"{DkmsRpm}-{Version}-{RpmRelease}.noarch.rpm";

    public string RpmSpecFileName => $"{DkmsRpm}.spec";

    public string DkmsDestModuleLocation { get; } = DkmsDestination;

    public string Release { get; } = RpmRelease;
}
