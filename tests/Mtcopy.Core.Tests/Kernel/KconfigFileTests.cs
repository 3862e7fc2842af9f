using Mtcopy.Core;
using Mtcopy.Core.Kernel;

namespace Mtcopy.Core.Tests.Kernel;

public sealed class KconfigFileTests
{
    [Fact]
    public void Parses_every_value_shape_in_order_with_line_numbers()
    {
        const string text = """
            # Automatically generated file; DO NOT EDIT.
            CONFIG_MIGRATION=y

            CONFIG_MTCOPY=m
            # CONFIG_DEBUG_INFO is not set
            CONFIG_DEFAULT_HOSTNAME="mt\"copy\\"
            CONFIG_NR_CPUS=64
            CONFIG_ILLEGAL_POINTER_VALUE=0xdead000000000000
            CONFIG_FRAME_WARN=-1
            CONFIG_SWAP=n
            """;

        KconfigFile file = KconfigFile.Parse(text, "mtcopy.config");

        Assert.Equal(
            ["CONFIG_MIGRATION", "CONFIG_MTCOPY", "CONFIG_DEBUG_INFO", "CONFIG_DEFAULT_HOSTNAME", "CONFIG_NR_CPUS",
             "CONFIG_ILLEGAL_POINTER_VALUE", "CONFIG_FRAME_WARN", "CONFIG_SWAP"],
            file.Entries.Select(e => e.Name));
        Assert.Equal([2, 4, 5, 6, 7, 8, 9, 10], file.Entries.Select(e => e.Line));
        Assert.Equal(
            [KconfigValueKind.Yes, KconfigValueKind.Module, KconfigValueKind.No, KconfigValueKind.Text,
             KconfigValueKind.Number, KconfigValueKind.Hex, KconfigValueKind.Number, KconfigValueKind.No],
            file.Entries.Select(e => e.Value.Kind));
        Assert.Equal("mt\"copy\\", file.ValueOf("CONFIG_DEFAULT_HOSTNAME")!.StringValue);
        Assert.Null(file.ValueOf("CONFIG_NOT_THERE"));
    }

    [Fact]
    public void Later_line_wins_but_both_are_kept()
    {
        KconfigFile file = KconfigFile.Parse("CONFIG_A=y\nCONFIG_B=y\nCONFIG_A=m\n", "f");

        Assert.Equal(3, file.Entries.Count);
        Assert.True(file.TryGet("CONFIG_A", out KconfigEntry? a));
        Assert.Equal(KconfigValueKind.Module, a.Value.Kind);
        Assert.Equal(3, a.Line);
        Assert.Equal(["CONFIG_B", "CONFIG_A"], file.EffectiveEntries.Select(e => e.Name));
    }

    [Fact]
    public void Accepts_crlf_line_ends()
    {
        KconfigFile file = KconfigFile.Parse("CONFIG_A=y\r\n# CONFIG_B is not set\r\n", "f");

        Assert.Equal(KconfigValueKind.Yes, file.ValueOf("CONFIG_A")!.Kind);
        Assert.Equal(KconfigValueKind.No, file.ValueOf("CONFIG_B")!.Kind);
    }

    [Theory]
    [InlineData("CONFIG_MTCOPY=yes", 3, "value must be")]
    [InlineData("CONFIG_MTCOPY = y", 3, "not a valid symbol name")]
    [InlineData("MTCOPY=y", 3, "not a setting")]
    [InlineData("  CONFIG_MTCOPY=y", 3, "leading whitespace")]
    [InlineData("CONFIG_CMDLINE=\"unterminated", 3, "value must be")]
    [InlineData("CONFIG_CMDLINE=\"a\"b\"", 3, "value must be")]
    [InlineData("CONFIG_X=", 3, "value must be")]
    [InlineData("# CONFIG_BAD-NAME is not set", 3, "valid CONFIG_ symbol")]
    public void Invalid_line_names_file_and_line(string badLine, int expectedLine, string expectedText)
    {
        string text = "# mtcopy fragment\nCONFIG_MIGRATION=y\n" + badLine + "\nCONFIG_NUMA=y\n";

        var error = Assert.Throws<KconfigSyntaxException>(() => KconfigFile.Parse(text, "configs/mtcopy.config"));

        Assert.StartsWith($"configs/mtcopy.config:{expectedLine}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedText, error.Message, StringComparison.Ordinal);
        Assert.Equal(expectedLine, error.Line);
        Assert.IsAssignableFrom<UserErrorException>(error);
    }

    [Fact]
    public void Plain_comments_and_blank_lines_are_ignored()
    {
        KconfigFile file = KconfigFile.Parse("#CONFIG_A is not set\n# just a note\n   \n\n", "f");

        Assert.Empty(file.Entries);
    }
}
