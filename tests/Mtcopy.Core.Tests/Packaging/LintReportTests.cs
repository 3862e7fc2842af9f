using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class LintReportTests
{
    [Fact]
    public void Parses_lintian_and_rpmlint_lines_and_skips_the_rest()
    {
        string[] output =
        [
            "running with root privileges is not recommended!",
            "E: mtcopy-dkms: no-copyright-file",
            "W: mtcopy-dkms binary: extended-description-line-too-long line 2",
            "I: mtcopy-dkms: no-md5sums-control-file",
            "dkms-mtcopy.noarch: W: devel-file-in-non-devel-package /usr/src/mtcopy-0.1.0/mtcopy.c",
            "1 packages and 0 specfiles checked; 0 errors, 1 warnings, 0 badness; has taken 0.1 s",
        ];

        IReadOnlyList<LintFinding> findings = LintOutputParser.Parse(output);

        Assert.Equal(
            [(LintSeverity.Error, "mtcopy-dkms", "no-copyright-file", ""),
             (LintSeverity.Warning, "mtcopy-dkms", "extended-description-line-too-long", "line 2"),
             (LintSeverity.Other, "mtcopy-dkms", "no-md5sums-control-file", ""),
             (LintSeverity.Warning, "dkms-mtcopy", "devel-file-in-non-devel-package", "/usr/src/mtcopy-0.1.0/mtcopy.c")],
            findings.Select(f => (f.Severity, f.Package, f.Tag, f.Context)));
    }

    [Fact]
    public void Only_info_lines_and_exit_zero_pass()
    {
        LintReport report = LintReport.FromRun("lintian", "/o/p.deb", 0, ["I: p: some-info"]);

        Assert.Equal(LintStatus.Passed, report.Status);
        Assert.Equal("lintian p.deb: Passed", report.Describe());
    }

    [Fact]
    public void A_warning_fails_and_is_listed()
    {
        LintReport report = LintReport.FromRun("lintian", "/o/p.deb", 0, ["W: p: bad-thing here"]);

        Assert.Equal(LintStatus.Failed, report.Status);
        Assert.Equal("lintian p.deb: Failed\n  W: p: bad-thing here", report.Describe());
    }

    [Fact]
    public void A_non_zero_exit_without_findings_fails_with_the_output()
    {
        LintReport report = LintReport.FromRun("lintian", "/o/p.deb", 2, ["internal error"]);

        Assert.Equal(LintStatus.Failed, report.Status);
        Assert.Contains("internal error", report.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Not_installed_fails_and_says_what_to_install()
    {
        LintReport report = LintReport.NotInstalled("rpmlint", "/o/p.rpm");

        Assert.Equal(LintStatus.Failed, report.Status);
        Assert.Equal("rpmlint p.rpm: Failed (rpmlint not installed: the package was not linted; install rpmlint (scripts/deps.sh does))", report.Describe());
    }
}
