using Mtcopy.Adapters.Kernel;

namespace Mtcopy.Adapters.Tests.Kernel;

public sealed class ConfigVariantTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("mtcopy-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_file_of_a_few_options_is_a_fragment_merged_onto_tinyconfig()
    {
        string path = Write("frag.config", "CONFIG_NUMA=y\n# CONFIG_SWAP is not set\n");

        var variant = ConfigVariant.FromUserFile(path);

        Assert.Equal("tinyconfig", variant.BaseTarget);
        Assert.Null(variant.BaseConfigFile);
        Assert.Equal([path], variant.Fragments);
    }

    [Fact]
    public void A_distro_config_is_used_whole_as_the_base()
    {
        string path = Write("config-6.12.0-amd64", "#\n# Automatically generated file; DO NOT EDIT.\n# Linux/x86 6.12.0 Kernel Configuration\n#\nCONFIG_NUMA=y\n");

        var variant = ConfigVariant.FromUserFile(path);

        Assert.Null(variant.BaseTarget);
        Assert.Equal(path, variant.BaseConfigFile);
        Assert.Empty(variant.Fragments);
    }

    [Fact]
    public void Fragments_combine_in_order_with_the_manifest_lines_last()
    {
        string a = Write("a.config", "CONFIG_A=y\n");
        string b = Write("b.config", "CONFIG_A=n\n");
        var variant = new ConfigVariant("debug", "x86_64", "tinyconfig", null, [a, b]) { ExtraLines = ["CONFIG_LOCALVERSION=\"-mtcopy\""] };

        string text = variant.CombinedFragmentText();

        Assert.True(text.IndexOf("CONFIG_A=y", StringComparison.Ordinal) < text.IndexOf("CONFIG_A=n", StringComparison.Ordinal));
        Assert.EndsWith("CONFIG_LOCALVERSION=\"-mtcopy\"\n", text, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
