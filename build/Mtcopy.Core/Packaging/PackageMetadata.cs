using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// What every package of the series says about itself, read once from the manifest (series, modules[0], packages)
/// and the run's SOURCE_DATE_EPOCH: the DKMS packages (<see cref="DkmsPackageModel"/>) and the prebuilt-module packages
/// (<see cref="ModulePackageModel"/>) carry the same values, so the copyright and changelog templates serve both. The
/// properties are the templates' variables, in snake_case (<see cref="StrictTemplateRenderer"/>). The values are checked
/// by the manifest's validation pass (<c>PackagingValidator</c>), once, when the manifest is read.
/// </summary>
public abstract record PackageMetadata
{
    /// <exception cref="ArgumentException">The manifest has no packages section or no module (the Package stage skips such a series).</exception>
    protected PackageMetadata(SeriesManifest manifest, long sourceDateEpoch)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentOutOfRangeException.ThrowIfNegative(sourceDateEpoch);
        if (manifest is not { Packages: { } packages, Modules: [ModuleSpec module, ..] })
        {
            throw new ArgumentException("The manifest has no module or no 'packages' section: nothing to package.", nameof(manifest));
        }

        (MaintainerName, MaintainerEmail) = ManifestPatterns.SplitMaintainer(packages.Maintainer)
            ?? throw new ArgumentException($"maintainer '{packages.Maintainer}' is not 'Full Name <address>': the manifest was not validated.", nameof(manifest));
        License = PackageLicense.Find(packages.License)
            ?? throw new ArgumentException($"license '{packages.License}' is not one the packages know: the manifest was not validated.", nameof(manifest));
        Name = module.Name;
        Version = manifest.Series.Version;
        Summary = manifest.Series.Summary;
        Maintainer = packages.Maintainer;
        Homepage = packages.Homepage;
        DkmsDeb = packages.DkmsDeb;
        DkmsRpm = packages.DkmsRpm;
        ModulesRpm = packages.ModulesRpm;
        SourceDateEpoch = sourceDateEpoch;
    }

    /// <summary>The module's name, e.g. <c>mtcopy</c>: DKMS PACKAGE_NAME, /usr/src/&lt;name&gt;-&lt;version&gt;, the tarball name.</summary>
    public string Name { get; init; }

    /// <summary>The series' version, e.g. <c>0.1.0</c>: the upstream version of every package.</summary>
    public string Version { get; init; }

    /// <summary>The kernel module (BUILT_MODULE_NAME, &lt;module&gt;.ko): the same as <see cref="Name"/>.</summary>
    public string ModuleName => Name;

    /// <summary><c>Full Name &lt;address@example.org&gt;</c>, and its two parts.</summary>
    public string Maintainer { get; init; }

    public string MaintainerName { get; init; }

    public string MaintainerEmail { get; init; }

    public PackageLicense License { get; init; }

    /// <summary>The series' one-line summary: Debian Description, RPM Summary.</summary>
    public string Summary { get; init; }

    public string? Homepage { get; init; }

    public string DkmsDeb { get; init; }

    public string DkmsRpm { get; init; }

    public string ModulesRpm { get; init; }

    /// <summary>Seconds since the Unix epoch: every timestamp in the packages and the changelog dates.</summary>
    public long SourceDateEpoch { get; init; }

    /// <summary>Debian changelog date (RFC 2822) of SOURCE_DATE_EPOCH, in UTC.</summary>
    public string DebianDate => PackageDates.Debian(SourceDateEpoch);

    /// <summary>RPM %changelog date of SOURCE_DATE_EPOCH, in UTC.</summary>
    public string RpmDate => PackageDates.Rpm(SourceDateEpoch);

    public int CopyrightYear => PackageDates.Year(SourceDateEpoch);
}
