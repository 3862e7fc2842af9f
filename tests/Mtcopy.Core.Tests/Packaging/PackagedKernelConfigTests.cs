using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

/// <summary>The packaged kernel's config: the module left out, nothing built in lost with it.</summary>
public sealed class PackagedKernelConfigTests
{
    private const string Built = "CONFIG_MIGRATION=y\nCONFIG_OFFC_MIGRATION=y\nCONFIG_MTCOPY_CPU=m\nCONFIG_EXT4_FS=m\n";

    [Fact]
    public void Leaving_a_module_out_that_nothing_built_in_needs_loses_nothing()
    {
        const string packaged = "CONFIG_MIGRATION=y\nCONFIG_OFFC_MIGRATION=y\n# CONFIG_MTCOPY_CPU is not set\nCONFIG_EXT4_FS=m\n";

        Assert.Empty(PackagedKernelConfig.LostBuiltIn(Built, packaged));
    }

    [Fact]
    public void A_hidden_core_option_only_the_module_selects_is_named_when_it_goes_with_it()
    {
        // Kconfig drops a hidden bool (OFFC_MIGRATION) when its only selector (MTCOPY_CPU) is switched off.
        const string packaged = "CONFIG_MIGRATION=y\n# CONFIG_MTCOPY_CPU is not set\nCONFIG_EXT4_FS=m\n";

        Assert.Equal(["CONFIG_OFFC_MIGRATION"], PackagedKernelConfig.LostBuiltIn(Built, packaged));
    }

    [Fact]
    public void A_built_in_option_turned_into_a_module_is_lost_too()
    {
        const string packaged = "CONFIG_MIGRATION=m\nCONFIG_OFFC_MIGRATION=y\n# CONFIG_MTCOPY_CPU is not set\nCONFIG_EXT4_FS=m\n";

        Assert.Equal(["CONFIG_MIGRATION"], PackagedKernelConfig.LostBuiltIn(Built, packaged));
    }
}
