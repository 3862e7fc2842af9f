namespace Mtcopy.Core.Series.Manifest;

/// <summary>The <c>packages:</c> section: names and metadata for the built packages.</summary>
public sealed record PackagingSpec
{
    /// <summary><c>Name &lt;address&gt;</c>.</summary>
    public required string Maintainer { get; init; }

    /// <summary>http(s) URL; optional.</summary>
    public string? Homepage { get; init; }

    /// <summary>SPDX license expression, e.g. <c>GPL-2.0-only</c>.</summary>
    public required string License { get; init; }

    /// <summary>Debian package name of the DKMS source package.</summary>
    public required string DkmsDeb { get; init; }

    /// <summary>RPM name of the DKMS source package.</summary>
    public required string DkmsRpm { get; init; }

    /// <summary>Debian package name of the prebuilt modules.</summary>
    public required string ModulesDeb { get; init; }

    /// <summary>RPM name of the prebuilt modules.</summary>
    public required string ModulesRpm { get; init; }

    /// <summary>Kernel <c>LOCALVERSION</c> suffix naming the series, e.g. <c>-mtcopy</c>.</summary>
    public required string LocalVersion { get; init; }
}
