using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>Rules for <c>packages:</c>.</summary>
internal static class PackagingValidator
{
    public static void Check(PackagingSpec packages, YamlPath path, ManifestChecks checks)
    {
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
    }
}
