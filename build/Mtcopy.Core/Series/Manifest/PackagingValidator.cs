using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>
/// Rules for <c>packages:</c>, and for the values of the other sections the packages carry: they must be valid in a
/// Debian control file, an RPM spec, a dkms.conf and a file name at once. The one check of what the packages are made from.
/// </summary>
internal static class PackagingValidator
{
    public const int MaxSummaryLength = 60;

    public static void Check(SeriesManifest manifest, PackagingSpec packages, YamlPath root, ManifestChecks checks)
    {
        YamlPath path = root.Key("packages");
        checks.Matches(path.Key("maintainer"), packages.Maintainer, ManifestPatterns.Maintainer(),
            "write 'Full Name <address@example.org>'");
        if (packages.Homepage is not null &&
            !(Uri.TryCreate(packages.Homepage, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" &&
              !packages.Homepage.Any(char.IsWhiteSpace)))
        {
            checks.Fail(path.Key("homepage"),
                $"'{packages.Homepage}' is not an http(s) URL; write one (e.g. https://example.org/mtcopy) or leave the key out");
        }

        if (PackageLicense.Find(packages.License ?? string.Empty) is null)
        {
            checks.Fail(path.Key("license"), $"'{packages.License}' is not a license the packages can declare; use one of " +
                string.Join(", ", PackageLicense.Supported.Select(l => l.Spdx)) + " (SPDX identifiers)");
        }

        const string deb = "use a Debian package name: lowercase letters, digits, '.', '+', '-' (e.g. mtcopy-dkms)";
        const string rpm = "use an RPM package name: lowercase letters, digits, '.', '+', '-' (e.g. kmod-mtcopy)";
        checks.Matches(path.Key("dkms_deb"), packages.DkmsDeb, ManifestPatterns.DebianPackage(), deb);
        checks.Matches(path.Key("modules_deb"), packages.ModulesDeb, ManifestPatterns.DebianPackage(), deb);
        checks.Matches(path.Key("dkms_rpm"), packages.DkmsRpm, ManifestPatterns.DebianPackage(), rpm);
        checks.Matches(path.Key("modules_rpm"), packages.ModulesRpm, ManifestPatterns.DebianPackage(), rpm);
        if (packages.DkmsDeb is not null && packages.DkmsDeb == packages.ModulesDeb)
        {
            checks.Fail(path.Key("modules_deb"), "is the same as dkms_deb; the two packages need different names");
        }

        if (packages.DkmsRpm is not null && packages.DkmsRpm == packages.ModulesRpm)
        {
            checks.Fail(path.Key("modules_rpm"), "is the same as dkms_rpm; the two packages need different names");
        }

        checks.Matches(path.Key("local_version"), packages.LocalVersion, ManifestPatterns.LocalVersion(),
            "write '-' followed by lowercase letters, digits, '.', '+' or '-' (e.g. -mtcopy)");
        CheckPackagedValues(manifest, root, checks);
    }

    // The series' name, version and summary and the first module's name go into package names, versions and descriptions;
    // checked here only when they pass their own section's rules, so that a value has one problem reported, not two.
    private static void CheckPackagedValues(SeriesManifest manifest, YamlPath root, ManifestChecks checks)
    {
        YamlPath series = root.Key("series");
        if (manifest.Series.Name is { } name && ManifestPatterns.SeriesName().IsMatch(name) && !ManifestPatterns.PackagedName().IsMatch(name))
        {
            checks.Fail(series.Key("name"), $"'{name}' cannot be packaged: the kernel packages' version is <kernel>+<name>.<version>-1 "
                + "and their source package linux-<name>; use lowercase letters and digits only (e.g. mtcopy)");
        }

        if (manifest.Series.Version is { } version && ManifestPatterns.SemVer().IsMatch(version) && version.Contains('-', StringComparison.Ordinal))
        {
            checks.Fail(series.Key("version"), $"'{version}' cannot be packaged: '-' starts the Debian revision and is not allowed in an RPM "
                + "Version; leave out the -prerelease (e.g. 0.1.0)");
        }

        if (manifest.Series.Summary is { } summary && !string.IsNullOrWhiteSpace(summary) && !summary.Contains('\n', StringComparison.Ordinal)
            && (summary.Length > MaxSummaryLength || summary.Any(char.IsControl) || summary != summary.Trim() || summary.EndsWith('.')))
        {
            checks.Fail(series.Key("summary"), $"'{summary}' is the packages' one-line description: use at most {MaxSummaryLength} characters, "
                + "without leading or trailing spaces or a final period");
        }

        if (manifest.Modules is [{ Name: { } module }, ..] && ManifestPatterns.CIdentifier().IsMatch(module) && !ManifestPatterns.PackagedName().IsMatch(module))
        {
            checks.Fail(root.Key("modules").Index(0).Key("name"), $"'{module}' names the DKMS packages and /usr/src/<name>-<version>: "
                + "use lowercase letters and digits only, at least two (e.g. mtcopy)");
        }
    }
}
