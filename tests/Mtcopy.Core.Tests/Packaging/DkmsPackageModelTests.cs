using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

/// <summary>
/// The DKMS packages' model, built from the manifest. The values are checked by the manifest's validation pass
/// (ManifestLoaderTests: the packaged series name, version, summary and module name, the packages section).
/// </summary>
public sealed class DkmsPackageModelTests
{
    [Fact]
    public void Derives_names_paths_and_dates_from_the_manifest_values()
    {
        DkmsPackageModel model = SampleInputs.Dkms("manifest");

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
    [InlineData("Mtcopy Developers <mtcopy@example.org>", "Mtcopy Developers", "mtcopy@example.org")]
    [InlineData("A <a@b>", "A", "a@b")]
    public void The_maintainer_is_split_into_name_and_address(string maintainer, string name, string email)
    {
        var model = new DkmsPackageModel(SampleInputs.Manifest with { Packages = SampleInputs.Manifest.Packages! with { Maintainer = maintainer } }, SampleInputs.Epoch);

        Assert.Equal((maintainer, name, email), (model.Maintainer, model.MaintainerName, model.MaintainerEmail));
    }

    [Fact]
    public void No_required_config_means_no_build_exclusion()
    {
        var model = new DkmsPackageModel(SampleInputs.Manifest with { Modules = [SampleInputs.Manifest.Modules[0] with { Requires = [] }] }, SampleInputs.Epoch);

        Assert.Equal(string.Empty, model.BuildExclusiveConfig);
    }

    [Fact]
    public void A_manifest_without_packages_or_a_negative_epoch_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new DkmsPackageModel(SampleInputs.Manifest with { Packages = null }, SampleInputs.Epoch));
        Assert.Throws<ArgumentException>(() => new DkmsPackageModel(SampleInputs.Manifest with { Modules = [] }, SampleInputs.Epoch));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DkmsPackageModel(SampleInputs.Manifest, -1));
    }
}
