using Mtcopy.Core.Bench;

namespace Mtcopy.Core.Tests.Bench;

public sealed class BenchMathTests
{
    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 5.0, 1.0, 3.0 }, 3.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 7.0, 7.0, 1.0, 100.0, 7.0 }, 7.0)]
    public void Median_is_the_middle_of_the_sorted_samples(double[] samples, double expected) =>
        Assert.Equal(expected, BenchMath.Median(samples), 10);

    [Fact]
    public void Median_refuses_no_samples_and_non_numbers()
    {
        Assert.Throws<ArgumentException>(() => BenchMath.Median([]));
        Assert.Throws<ArgumentException>(() => BenchMath.Median([1.0, double.NaN]));
        Assert.Throws<ArgumentException>(() => BenchMath.Median([double.PositiveInfinity]));
    }

    [Fact]
    public void Ratio_divides_and_refuses_what_has_no_meaning()
    {
        Assert.Equal(1.5, BenchMath.Ratio(3, 2));
        Assert.Null(BenchMath.Ratio(3, 0));
        Assert.Null(BenchMath.Ratio(3, -1));
        Assert.Null(BenchMath.Ratio(null, 2));
        Assert.Null(BenchMath.Ratio(3, null));
        Assert.Null(BenchMath.Ratio(double.NaN, 2));
        Assert.Null(BenchMath.Ratio(3, double.PositiveInfinity));
    }
}
