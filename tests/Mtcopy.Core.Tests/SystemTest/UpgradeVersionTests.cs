using Mtcopy.Core.SystemTest;

namespace Mtcopy.Core.Tests.SystemTest;

public sealed class UpgradeVersionTests
{
    [Theory]
    [InlineData("0.1.0", "0.1.1")]
    [InlineData("1.9", "1.10")]
    [InlineData("7", "8")]
    public void The_last_number_goes_up_by_one(string version, string next)
    {
        Assert.Equal(next, UpgradeVersion.Next(version));
    }

    [Fact]
    public void A_version_not_ending_in_a_number_has_no_next()
    {
        Assert.Throws<UserErrorException>(() => UpgradeVersion.Next("0.1.0rc"));
    }
}
