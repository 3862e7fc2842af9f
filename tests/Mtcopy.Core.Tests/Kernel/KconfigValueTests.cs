using Mtcopy.Core.Kernel;

namespace Mtcopy.Core.Tests.Kernel;

public sealed class KconfigValueTests
{
    [Theory]
    [InlineData("y", "y", true)]
    [InlineData("y", "m", false)]
    [InlineData("m", "y", false)]
    [InlineData("n", "n", true)]
    [InlineData("64", "64", true)]
    [InlineData("64", "064", true)]
    [InlineData("64", "32", false)]
    [InlineData("0x1f", "0x1F", true)]
    [InlineData("0x1f", "0x001f", true)]
    [InlineData("10", "0x10", true)] // Kconfig prefixes 0x to a hex symbol given without it
    [InlineData("\"a b\"", "\"a b\"", true)]
    [InlineData("\"a b\"", "\"a  b\"", false)]
    [InlineData("\"1\"", "1", false)]
    public void Satisfaction_follows_kconfig_normalisation(string wanted, string actual, bool expected)
    {
        KconfigValue w = KconfigValue.TryParse(wanted)!;
        KconfigValue a = KconfigValue.TryParse(actual)!;

        Assert.Equal(expected, w.IsSatisfiedBy(a));
    }

    [Theory]
    [InlineData("Y")]
    [InlineData("yes")]
    [InlineData("0x")]
    [InlineData("1.5")]
    [InlineData("1f")]
    [InlineData("\"")]
    [InlineData("\"trailing\\\"")]
    public void Rejects_values_kconfig_does_not_write(string text) => Assert.Null(KconfigValue.TryParse(text));
}
