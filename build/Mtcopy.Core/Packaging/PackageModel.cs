namespace Mtcopy.Core.Packaging;

/// <summary>
/// Checked packaging inputs plus what the templates derive from them. Its properties are the
/// templates' variables, in snake_case (<see cref="StrictTemplateRenderer"/>).
/// </summary>
public sealed record PackageModel
{
    /// <summary>Where DKMS installs the module under /lib/modules/&lt;kernel&gt;.</summary>
    public const string DkmsDestination = "/updates/dkms";

    /// <summary>RPM Release of the DKMS package, and the Debian revision of its (non-native) source package.</summary>
    public const string RpmRelease = "1";

    private PackageModel() { }

    public required string Name { get; init; }

    public required string Version { get; init; }

    public required string ModuleName { get; init; }

    public required string Maintainer { get; init; }

    public required string MaintainerName { get; init; }

    public required string MaintainerEmail { get; init; }

    public required PackageLicense License { get; init; }

    public required string Summary { get; init; }

    public required string? Homepage { get; init; }

    public required string DkmsDeb { get; init; }

    public required string DkmsRpm { get; init; }

    public required string ModulesDeb { get; init; }

    public required string ModulesRpm { get; init; }

    public required string? KernelPackageDeb { get; init; }

    public required string? KernelPackageRpm { get; init; }

    /// <summary>Space-separated, for DKMS BUILD_EXCLUSIVE_CONFIG; empty when nothing is required.</summary>
    public required string BuildExclusiveConfig { get; init; }

    public required long SourceDateEpoch { get; init; }

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

    /// <summary>The module source files (relative paths) and where debian/&lt;package&gt;.install puts each; set by the builder.</summary>
    public IReadOnlyList<SourceInstallEntry> SourceFiles { get; init; } = [];

    public string RpmFileName => $"{DkmsRpm}-{Version}-{RpmRelease}.noarch.rpm";

    public string RpmSpecFileName => $"{DkmsRpm}.spec";

    public string DkmsDestModuleLocation { get; } = DkmsDestination;

    public string Release { get; } = RpmRelease;

    /// <summary>Debian changelog date (RFC 2822) of SOURCE_DATE_EPOCH, in UTC.</summary>
    public string DebianDate => PackageDates.Debian(SourceDateEpoch);

    /// <summary>RPM %changelog date of SOURCE_DATE_EPOCH, in UTC.</summary>
    public string RpmDate => PackageDates.Rpm(SourceDateEpoch);

    public int CopyrightYear => PackageDates.Year(SourceDateEpoch);


    /// <summary>Checks every input and derives the model.</summary>
    /// <exception cref="PackageInputException">Lists every problem found, each saying what to change.</exception>
    public static PackageModel Create(PackageInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var problems = new List<string>();
        PackageInputRules.Check(inputs, problems);
        (string name, string email) = PackageInputRules.SplitMaintainer(inputs.Maintainer) ?? (string.Empty, string.Empty);
        PackageLicense? license = PackageLicense.Find(inputs.License);
        if (problems.Count > 0 || license is null)
        {
            throw new PackageInputException(problems);
        }

        return new PackageModel
        {
            Name = inputs.Name,
            Version = inputs.Version,
            ModuleName = inputs.ModuleName,
            Maintainer = inputs.Maintainer,
            MaintainerName = name,
            MaintainerEmail = email,
            License = license,
            Summary = inputs.Summary,
            Homepage = inputs.Homepage,
            DkmsDeb = inputs.DkmsDeb,
            DkmsRpm = inputs.DkmsRpm,
            ModulesDeb = inputs.ModulesDeb,
            ModulesRpm = inputs.ModulesRpm,
            KernelPackageDeb = inputs.KernelPackageDeb,
            KernelPackageRpm = inputs.KernelPackageRpm,
            BuildExclusiveConfig = string.Join(' ', inputs.RequiredKernelConfig),
            SourceDateEpoch = inputs.SourceDateEpoch,
        };
    }
}
