using Mtcopy.Adapters.Packaging;
using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Cli.Packaging;

/// <summary>
/// The packagers the Package stage works with: the package builders (DKMS, the kernel's own bindeb-pkg/binrpm-pkg, the
/// prebuilt modules), the module signer, the unpatched kernel for the DKMS check, the package smoke checks and the
/// linters. Stages get them from <see cref="StageContext.Packagers"/> (<see cref="Packagers"/>, over the run's process
/// runner); a test can give fakes.
/// </summary>
public interface IPackagers
{
    /// <summary>The DKMS packages: the source tarball, the Debian source package and .deb, the noarch .rpm.</summary>
    Task<PackagingResult> BuildDkmsAsync(PackagingRequest request, CancellationToken cancellationToken);

    /// <summary>The kernel's own packages, by <c>make bindeb-pkg binrpm-pkg</c>; each output line to <paramref name="onLine"/>.</summary>
    Task<KernelPackagesResult> BuildKernelAsync(KernelPackagingRequest request, Action<string>? onLine, CancellationToken cancellationToken);

    /// <summary>The prebuilt-module packages of one kernel (.deb, kmod rpms).</summary>
    Task<ModulePackagesResult> BuildModulesAsync(ModulePackagingRequest request, CancellationToken cancellationToken);

    /// <summary>The build directory's scripts/sign-file, built when missing; its path.</summary>
    Task<string> EnsureSignFileAsync(KbuildTree tree, string logDir, CancellationToken cancellationToken);

    /// <summary>Signs <paramref name="modulePath"/> in place with sign-file.</summary>
    Task SignAsync(string signFile, ModuleSigningKey key, string modulePath, string logPath, CancellationToken cancellationToken);

    /// <summary>The base kernel without the series, configured, for DKMS to decline.</summary>
    Task<UnpatchedKernel> PrepareUnpatchedAsync(UnpatchedKernelRequest request, IReadOnlyList<string> seriesOptions, CancellationToken cancellationToken);

    /// <summary>The .deb smoke: headers and DKMS packages unpacked into a scratch root, dkms at work, nothing left.</summary>
    Task<PackageSmokeReport> SmokeDebAsync(DkmsSmokeRequest request, CancellationToken cancellationToken);

    /// <summary>The rpm smoke: queries, then install and erase in a scratch rpm root.</summary>
    Task<PackageSmokeReport> SmokeRpmAsync(RpmSmokeRequest request, CancellationToken cancellationToken);

    /// <summary>lintian for a .deb or .dsc, rpmlint (with <paramref name="rpmlintConfig"/>) for an .rpm.</summary>
    Task<LintReport> LintAsync(string package, string rpmlintConfig, string logPath, CancellationToken cancellationToken);
}
