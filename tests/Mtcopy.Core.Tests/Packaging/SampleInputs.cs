using Mtcopy.Core.Packaging;
using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Core.Tests.Packaging;

/// <summary>The models the golden files are rendered from: what patches/manifest.yaml holds (less the homepage), and one with every option set.</summary>
internal static class SampleInputs
{
    /// <summary>2025-01-01T00:00:00Z.</summary>
    public const long Epoch = 1_735_689_600;

    /// <summary>2025-12-31T23:59:59Z.</summary>
    public const long FullEpoch = 1_767_225_599;

    /// <summary>The packaged values of patches/manifest.yaml, without its homepage.</summary>
    public static SeriesManifest Manifest { get; } = new()
    {
        Series = new SeriesInfo { Name = "mtcopy", Version = "0.1.0", Summary = "Multi-threaded page copy for batched page migration", Patches = [] },
        Bases = [],
        Config = new KernelConfigSpec { Arch = "x86_64", Base = "tinyconfig", Fragments = new Dictionary<string, string>(), Default = "smoke" },
        Modules = [new ModuleSpec { Name = "mtcopy", Source = "../kmod-src", Requires = ["CONFIG_OFFC_MIGRATION"] }],
        Packages = new PackagingSpec
        {
            Maintainer = "Mtcopy Developers <mtcopy@example.org>",
            License = "GPL-2.0-only",
            DkmsDeb = "mtcopy-dkms",
            DkmsRpm = "dkms-mtcopy",
            ModulesDeb = "mtcopy-modules",
            ModulesRpm = "kmod-mtcopy",
            LocalVersion = "-mtcopy",
        },
    };

    /// <summary>A release candidate (a version the manifest cannot spell, set on the record), another license, a homepage, two required options.</summary>
    public static SeriesManifest Full { get; } = Manifest with
    {
        Series = Manifest.Series with { Version = "0.2.0~rc1" },
        Modules = [Manifest.Modules[0] with { Requires = ["CONFIG_OFFC_MIGRATION", "CONFIG_MIGRATION"] }],
        Packages = Manifest.Packages! with { License = "GPL-2.0-or-later", Homepage = "https://example.org/mtcopy" },
    };

    /// <summary>The kernel of the manifest's default config.</summary>
    public static KernelPackageModel Kernel { get; } = KernelPackageModel.Create("6.12.117-mtcopy", "x86_64", "mtcopy", "0.1.0", 1);

    /// <summary>A release candidate on arm64, build number 3.</summary>
    public static KernelPackageModel FullKernel { get; } = KernelPackageModel.Create("6.13.0-rc1-mtcopy", "arm64", "mtcopy", "0.2.0~rc1", 3);

    /// <summary>The sha256 of a kernel image (any fixed value: its first 8 digits go into the module packages' versions).</summary>
    public const string KernelImageSha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>DKMS packages: "manifest", and "full" with the kernel packages as Recommends.</summary>
    public static DkmsPackageModel Dkms(string name) => name switch
    {
        "manifest" => new DkmsPackageModel(Manifest, Epoch),
        "full" => new DkmsPackageModel(Full, FullEpoch) { KernelPackageDeb = "linux-headers-6.12.117-mtcopy", KernelPackageRpm = "kernel-devel" },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>Module packages: "manifest" unsigned for <see cref="Kernel"/>, "full" signed for <see cref="FullKernel"/>.</summary>
    public static ModulePackageModel Modules(string name) => name switch
    {
        "manifest" => new ModulePackageModel(Manifest, Epoch, Kernel, isSigned: false, KernelImageSha256),
        "full" => new ModulePackageModel(Full, FullEpoch, FullKernel, isSigned: true, KernelImageSha256),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
