namespace Mtcopy.Core.Packaging;

/// <summary>
/// What the DKMS packages are made from: the values the lead maps from the series manifest
/// (series name/version/summary, packages.*, modules[0]) plus the SOURCE_DATE_EPOCH derived
/// from the series. Checked by <see cref="PackageModel.Create"/>.
/// </summary>
public sealed record PackageInputs
{
    /// <summary>Series name, e.g. <c>mtcopy</c>: DKMS PACKAGE_NAME, /usr/src/&lt;name&gt;-&lt;version&gt;, the tarball name.</summary>
    public required string Name { get; init; }

    /// <summary>Upstream version, e.g. <c>0.1.0</c>: digits first, then letters, digits, '.', '+', '~'.</summary>
    public required string Version { get; init; }

    /// <summary>The kernel module built (BUILT_MODULE_NAME), e.g. <c>mtcopy</c> for mtcopy.ko.</summary>
    public required string ModuleName { get; init; }

    /// <summary><c>Full Name &lt;address@example.org&gt;</c>.</summary>
    public required string Maintainer { get; init; }

    /// <summary>SPDX identifier; see <see cref="PackageLicense.Supported"/>.</summary>
    public required string License { get; init; }

    /// <summary>One line, at most 60 characters, no final period.</summary>
    public required string Summary { get; init; }

    /// <summary>Absolute http(s) URL, or null.</summary>
    public string? Homepage { get; init; }

    /// <summary>Debian name of the DKMS package, e.g. <c>mtcopy-dkms</c>.</summary>
    public required string DkmsDeb { get; init; }

    /// <summary>RPM name of the DKMS package, e.g. <c>dkms-mtcopy</c>.</summary>
    public required string DkmsRpm { get; init; }

    /// <summary>Debian name of the prebuilt-module package; the DKMS package conflicts with it.</summary>
    public required string ModulesDeb { get; init; }

    /// <summary>RPM name of the prebuilt-module package; the DKMS package conflicts with it.</summary>
    public required string ModulesRpm { get; init; }

    /// <summary>
    /// Kconfig options the module needs (manifest modules[].requires), e.g. CONFIG_OFFC_MIGRATION:
    /// DKMS's BUILD_EXCLUSIVE_CONFIG, so kernels without them are skipped (exit 77).
    /// </summary>
    public IReadOnlyList<string> RequiredKernelConfig { get; init; } = [];

    /// <summary>Seconds since the Unix epoch: every timestamp in the packages and the changelog dates.</summary>
    public required long SourceDateEpoch { get; init; }

    /// <summary>Debian package of the patched kernel's headers; rendered as Recommends when set.</summary>
    public string? KernelPackageDeb { get; init; }

    /// <summary>RPM package of the patched kernel's devel files; rendered as Recommends when set.</summary>
    public string? KernelPackageRpm { get; init; }
}
