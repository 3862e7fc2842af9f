namespace Mtcopy.Core.Series.Manifest;

/// <summary>Rules for <c>packages:</c>.</summary>
internal static class PackagingValidator
{
    public static void Check(PackagingSpec packages, YamlPath path, ManifestChecks checks)
    {
        checks.Matches(path.Key("maintainer"), packages.Maintainer, ManifestPatterns.Maintainer(),
            "write 'Full Name <address@example.org>'");
        if (packages.Homepage is not null &&
            !(Uri.TryCreate(packages.Homepage, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            checks.Fail(path.Key("homepage"),
                $"'{packages.Homepage}' is not an http(s) URL; write one (e.g. https://example.org/mtcopy) or leave the key out");
        }

        checks.Matches(path.Key("license"), packages.License, ManifestPatterns.License(),
            "write an SPDX license expression (e.g. GPL-2.0-only)");
        const string deb = "use a Debian package name: lowercase letters, digits, '.', '+', '-' (e.g. mtcopy-dkms)";
        const string rpm = "use an RPM package name: letters, digits, '.', '_', '+', '-' (e.g. kmod-mtcopy)";
        checks.Matches(path.Key("dkms_deb"), packages.DkmsDeb, ManifestPatterns.DebianPackage(), deb);
        checks.Matches(path.Key("modules_deb"), packages.ModulesDeb, ManifestPatterns.DebianPackage(), deb);
        checks.Matches(path.Key("dkms_rpm"), packages.DkmsRpm, ManifestPatterns.RpmPackage(), rpm);
        checks.Matches(path.Key("modules_rpm"), packages.ModulesRpm, ManifestPatterns.RpmPackage(), rpm);
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
    }
}
