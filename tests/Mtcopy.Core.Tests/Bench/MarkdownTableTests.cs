using Mtcopy.Core.Bench;

namespace Mtcopy.Core.Tests.Bench;

public sealed class MarkdownTableTests
{
    [Fact]
    public void Columns_are_padded_and_numbers_align_right() =>
        Assert.Equal(
            "| step      |   time |\n" +
            "| --------- | -----: |\n" +
            "| configure |  9.1 s |\n" +
            "| a \\| b    | 12.0 s |\n",
            MarkdownTable.Render(["step", "time"], [["configure", "9.1 s"], ["a | b", "12.0 s"]], new HashSet<int> { 1 }));

    [Fact]
    public void Every_row_needs_a_cell_per_column() =>
        Assert.Throws<ArgumentException>(() => MarkdownTable.Render(["a", "b"], [["only one"]]));
}
