using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

/// <summary>Facts the packages depend on, checked on the real templates (beyond the golden files).</summary>
public sealed class PackageTemplateTests
{
    private static string Render(PackageTemplate template, DkmsPackageModel model) =>
        template.Render(File.ReadAllText(RepositoryFiles.PathOf(template.RelativePath)), model);

    [Fact]
    public void Dkms_conf_excludes_kernels_without_the_core_patches_and_has_no_clean()
    {
        string conf = Render(PackageTemplate.DkmsConf, SampleInputs.Dkms("manifest"));

        Assert.Contains("BUILD_EXCLUSIVE_CONFIG=\"CONFIG_OFFC_MIGRATION\"\n", conf, StringComparison.Ordinal);
        Assert.Contains("MAKE[0]=\"make -C ${kernel_source_dir} M=${dkms_tree}/${PACKAGE_NAME}/${PACKAGE_VERSION}/build modules\"",
            conf, StringComparison.Ordinal);
        Assert.DoesNotContain("CLEAN", conf, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_required_config_dkms_conf_has_no_exclusion_and_deb_needs_any_dkms()
    {
        var inputs = new DkmsPackageModel(SampleInputs.Manifest with { Modules = [SampleInputs.Manifest.Modules[0] with { Requires = [] }] }, SampleInputs.Epoch);

        Assert.DoesNotContain("BUILD_EXCLUSIVE", Render(PackageTemplate.DkmsConf, inputs), StringComparison.Ordinal);
        Assert.Contains("\nDepends: ${misc:Depends}\n", Render(PackageTemplate.DebControl, inputs), StringComparison.Ordinal);
    }

    [Fact]
    public void Rendered_control_and_copyright_have_no_blank_line_inside_a_paragraph()
    {
        string control = Render(PackageTemplate.DebControl, SampleInputs.Dkms("full"));
        string copyright = Render(PackageTemplate.DebCopyright, SampleInputs.Dkms("full"));

        // debian/control: the source paragraph, then the binary package's.
        Assert.Equal(2, control.TrimEnd('\n').Split("\n\n").Length);
        Assert.Equal(3, copyright.Split("\n\n").Length);
        Assert.All(control.Split('\n'), line => Assert.True(line.Length <= 80, $"control line longer than 80: {line}"));
    }
}
