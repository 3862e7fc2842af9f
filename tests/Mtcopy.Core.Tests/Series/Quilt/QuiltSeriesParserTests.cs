using Mtcopy.Core.Series.Quilt;
using Mtcopy.Core;

namespace Mtcopy.Core.Tests.Series.Quilt;

public sealed class QuiltSeriesParserTests
{
    [Fact]
    public void Comments_blank_lines_and_p1_are_accepted()
    {
        const string text = "# upstream fixes\r\nbugfix/0001-a.patch\n\n  0002-b.patch -p1   # trailing comment\n#0003-off.patch\nc#d.patch\n";

        var entries = QuiltSeriesParser.Parse(text, "patches/series");

        Assert.Equal(
            [new QuiltSeriesEntry("bugfix/0001-a.patch", 2), new QuiltSeriesEntry("0002-b.patch", 4), new QuiltSeriesEntry("c#d.patch", 6)],
            entries);
    }

    [Theory]
    [InlineData("a.patch\nb.patch -p0\n", "patches/series:2: option '-p0'", "only -p1")]
    [InlineData("a.patch -p2\n", "patches/series:1: option '-p2'", "only -p1")]
    [InlineData("a.patch\n\nb.patch -R\n", "patches/series:3: option '-R'", "not supported")]
    [InlineData("../outside.patch\n", "patches/series:1: '../outside.patch'", "without '..'")]
    [InlineData("/abs.patch\n", "patches/series:1: '/abs.patch'", "relative path")]
    [InlineData("a.patch\nb.patch\na.patch -p1\n", "patches/series:3: 'a.patch' is already listed on line 1", "once")]
    public void Unusable_lines_are_errors_that_name_the_line(string text, string start, string says)
    {
        var e = Assert.Throws<UserErrorException>(() => QuiltSeriesParser.Parse(text, "patches/series"));

        Assert.StartsWith(start, e.Message, StringComparison.Ordinal);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<UserErrorException>(e);
    }
}
