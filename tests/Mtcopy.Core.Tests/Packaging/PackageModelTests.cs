using Mtcopy.Core;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class PackageModelTests
{
    [Fact]
    public void Derives_names_paths_and_dates_from_the_manifest_values()
    {
        PackageModel model = PackageModel.Create(SampleInputs.Manifest);

        Assert.Equal("/usr/src/mtcopy-0.1.0", model.SourceDirectory);
        Assert.Equal("mtcopy-0.1.0.tar.gz", model.TarballFileName);
        Assert.Equal("mtcopy-dkms_0.1.0-1_all.deb", model.DebFileName);
        Assert.Equal(("mtcopy_0.1.0-1.dsc", "mtcopy_0.1.0.orig.tar.gz", "mtcopy_0.1.0-1.debian.tar.xz"),
            (model.DscFileName, model.OrigTarballFileName, model.DebianTarballFileName));
        Assert.Equal("dkms-mtcopy-0.1.0-1.noarch.rpm", model.RpmFileName);
        Assert.Equal("Mtcopy Developers", model.MaintainerName);
        Assert.Equal("mtcopy@example.org", model.MaintainerEmail);
        Assert.Equal("GPL-2", model.License.Dep5);
        Assert.Equal("CONFIG_OFFC_MIGRATION", model.BuildExclusiveConfig);
        Assert.Equal("Wed, 01 Jan 2025 00:00:00 +0000", model.DebianDate);
        Assert.Equal("Wed Jan 01 2025", model.RpmDate);
        Assert.Equal(2025, model.CopyrightYear);
    }

    [Theory]
    [InlineData("0.1 beta", "version '0.1 beta'")]
    [InlineData("0.1.0-1", "version '0.1.0-1'")]
    [InlineData("v0.1.0", "version 'v0.1.0'")]
    public void A_bad_version_is_rejected_saying_what_is_allowed(string version, string expected)
    {
        var e = Assert.Throws<PackageInputException>(() => PackageModel.Create(SampleInputs.Manifest with { Version = version }));

        Assert.IsAssignableFrom<UserErrorException>(e);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("digits first", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_upper_case_package_name_is_rejected_naming_the_field()
    {
        var e = Assert.Throws<PackageInputException>(() => PackageModel.Create(SampleInputs.Manifest with { DkmsDeb = "Mtcopy-DKMS" }));

        string problem = Assert.Single(e.Problems);
        Assert.StartsWith("dkms_deb 'Mtcopy-DKMS': package names are lower-case", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        PackageInputs inputs = SampleInputs.Manifest with
        {
            Name = "mt copy",
            ModuleName = "mt-copy",
            Maintainer = "mtcopy@example.org",
            License = "MIT",
            Summary = "Ends with a period.",
            Homepage = "ftp://example.org/",
            RequiredKernelConfig = ["OFFC_MIGRATION"],
            KernelPackageRpm = "Kernel",
            SourceDateEpoch = -1,
        };

        var e = Assert.Throws<PackageInputException>(() => PackageModel.Create(inputs));

        Assert.Equal(9, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.StartsWith("name 'mt copy'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("module name 'mt-copy'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("maintainer 'mtcopy@example.org': write it as", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("use one of GPL-2.0-only, GPL-2.0-or-later", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("summary 'Ends with a period.'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("homepage 'ftp://example.org/'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("required kernel config 'OFFC_MIGRATION'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("kernel_package_rpm 'Kernel'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("SOURCE_DATE_EPOCH -1", StringComparison.Ordinal));
        Assert.StartsWith("The packaging inputs (series manifest) are not valid:\n  - ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_summary_longer_than_sixty_characters_is_rejected()
    {
        var e = Assert.Throws<PackageInputException>(
            () => PackageModel.Create(SampleInputs.Manifest with { Summary = new string('x', 61) }));

        Assert.Contains("at most 60 characters", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mtcopy Developers <mtcopy@example.org>")]
    [InlineData("A <a@b>")]
    public void A_well_formed_maintainer_is_accepted(string maintainer)
    {
        PackageModel model = PackageModel.Create(SampleInputs.Manifest with { Maintainer = maintainer });

        Assert.Equal(maintainer, model.Maintainer);
    }

    [Fact]
    public void No_required_config_means_no_build_exclusion()
    {
        PackageModel model = PackageModel.Create(SampleInputs.Manifest with { RequiredKernelConfig = [] });

        Assert.Equal(string.Empty, model.BuildExclusiveConfig);
    }
}
