using System.Text.RegularExpressions;
using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Core.Packaging;

/// <summary>
/// The checks on <see cref="PackageInputs"/>: values must be valid in a Debian control file,
/// an RPM spec, a dkms.conf and a file name at once.
/// </summary>
internal static partial class PackageInputRules
{
    public const int MaxSummaryLength = 60;

    public static void Check(PackageInputs inputs, List<string> problems)
    {
        CheckPackageName("name", inputs.Name, problems);
        CheckPackageName("dkms_deb", inputs.DkmsDeb, problems);
        CheckPackageName("dkms_rpm", inputs.DkmsRpm, problems);
        CheckPackageName("modules_deb", inputs.ModulesDeb, problems);
        CheckPackageName("modules_rpm", inputs.ModulesRpm, problems);
        CheckOptionalPackageName("kernel_package_deb", inputs.KernelPackageDeb, problems);
        CheckOptionalPackageName("kernel_package_rpm", inputs.KernelPackageRpm, problems);

        if (inputs.Version is null || !VersionPattern().IsMatch(inputs.Version))
        {
            problems.Add($"version '{inputs.Version}': use digits first, then only letters, digits, '.', '+' or '~' "
                + "(no spaces or '-': it is both a Debian upstream version and an RPM Version), e.g. 0.1.0.");
        }

        if (inputs.ModuleName is null || !ModuleNamePattern().IsMatch(inputs.ModuleName))
        {
            problems.Add($"module name '{inputs.ModuleName}': use lower-case letters, digits and '_' "
                + "(the .ko file name without .ko), e.g. mtcopy.");
        }

        if (SplitMaintainer(inputs.Maintainer) is null)
        {
            problems.Add($"maintainer '{inputs.Maintainer}': write it as 'Full Name <address@example.org>'.");
        }

        if (PackageLicense.Find(inputs.License) is null)
        {
            problems.Add($"license '{inputs.License}': use one of "
                + string.Join(", ", PackageLicense.Supported.Select(l => l.Spdx)) + " (SPDX identifiers).");
        }

        CheckSummary(inputs.Summary, problems);

        if (inputs.Homepage is not null
            && (!Uri.TryCreate(inputs.Homepage, UriKind.Absolute, out Uri? uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || inputs.Homepage.Any(char.IsWhiteSpace)))
        {
            problems.Add($"homepage '{inputs.Homepage}': use an absolute http:// or https:// URL, or leave it out.");
        }

        foreach (string option in inputs.RequiredKernelConfig ?? [])
        {
            if (option is null || !KconfigPattern().IsMatch(option))
            {
                problems.Add($"required kernel config '{option}': use a Kconfig symbol with its prefix, e.g. CONFIG_OFFC_MIGRATION.");
            }
        }

        if (inputs.SourceDateEpoch < 0)
        {
            problems.Add($"SOURCE_DATE_EPOCH {inputs.SourceDateEpoch}: use seconds since 1970-01-01 (0 or more).");
        }
    }

    /// <summary>(name, email) of 'Full Name &lt;address&gt;', or null when it is not of that shape.</summary>
    public static (string Name, string Email)? SplitMaintainer(string? maintainer) =>
        ManifestPatterns.SplitMaintainer(maintainer);

    private static void CheckSummary(string? summary, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            problems.Add("summary is empty: give a one-line description of the series.");
        }
        else if (summary.Length > MaxSummaryLength || summary.Any(char.IsControl) || summary != summary.Trim()
            || summary.EndsWith('.'))
        {
            problems.Add($"summary '{summary}': use one line of at most {MaxSummaryLength} characters, "
                + "without leading or trailing spaces or a final period.");
        }
    }

    private static void CheckOptionalPackageName(string field, string? value, List<string> problems)
    {
        if (value is not null)
        {
            CheckPackageName(field, value, problems);
        }
    }

    private static void CheckPackageName(string field, string? value, List<string> problems)
    {
        if (value is null || !ManifestPatterns.DebianPackage().IsMatch(value))
        {
            problems.Add($"{field} '{value}': package names are lower-case letters, digits, '+', '-' and '.', "
                + "at least two characters, starting with a letter or digit (e.g. mtcopy-dkms).");
        }
    }

    [GeneratedRegex("^[0-9][A-Za-z0-9.+~]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[a-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ModuleNamePattern();

    [GeneratedRegex("^CONFIG_[A-Z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KconfigPattern();
}
