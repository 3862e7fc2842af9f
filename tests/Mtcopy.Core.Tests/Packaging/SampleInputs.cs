using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

/// <summary>Packaging inputs for the golden files: what patches/manifest.yaml maps to, and one with every option set.</summary>
internal static class SampleInputs
{
    /// <summary>2025-01-01T00:00:00Z.</summary>
    public const long Epoch = 1_735_689_600;

    public static PackageInputs Manifest { get; } = new()
    {
        Name = "mtcopy",
        Version = "0.1.0",
        ModuleName = "mtcopy",
        Maintainer = "Mtcopy Developers <mtcopy@example.org>",
        License = "GPL-2.0-only",
        Summary = "Multi-threaded page copy for batched page migration",
        DkmsDeb = "mtcopy-dkms",
        DkmsRpm = "dkms-mtcopy",
        ModulesDeb = "mtcopy-modules",
        ModulesRpm = "kmod-mtcopy",
        RequiredKernelConfig = ["CONFIG_OFFC_MIGRATION"],
        SourceDateEpoch = Epoch,
    };

    public static PackageInputs Full { get; } = Manifest with
    {
        Version = "0.2.0~rc1",
        License = "GPL-2.0-or-later",
        Homepage = "https://example.org/mtcopy",
        RequiredKernelConfig = ["CONFIG_OFFC_MIGRATION", "CONFIG_MIGRATION"],
        KernelPackageDeb = "linux-headers-6.12.117-mtcopy",
        KernelPackageRpm = "kernel-devel",
        SourceDateEpoch = 1_767_225_599, // 2025-12-31T23:59:59Z
    };

    /// <summary>The kernel of the manifest's default config.</summary>
    public static KernelPackageSpec Kernel { get; } = KernelPackageSpec.Create("6.12.117-mtcopy", "x86_64", "mtcopy", "0.1.0", 1);

    /// <summary>A release candidate on arm64, build number 3.</summary>
    public static KernelPackageSpec FullKernel { get; } = KernelPackageSpec.Create("6.13.0-rc1-mtcopy", "arm64", "mtcopy", "0.2.0~rc1", 3);

    /// <summary>The sha256 of a kernel image (any fixed value: its first 8 digits go into the module packages' versions).</summary>
    public const string KernelImageSha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>Module packages: "manifest" unsigned for <see cref="Kernel"/>, "full" signed for <see cref="FullKernel"/>.</summary>
    public static ModulePackageModel Modules(string name) => name switch
    {
        "manifest" => ModulePackageModel.Create(PackageModel.Create(Manifest), Kernel, isSigned: false, KernelImageSha256),
        "full" => ModulePackageModel.Create(PackageModel.Create(Full), FullKernel, isSigned: true, KernelImageSha256),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public static PackageInputs ByName(string name) => name switch
    {
        "manifest" => Manifest,
        "full" => Full,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
