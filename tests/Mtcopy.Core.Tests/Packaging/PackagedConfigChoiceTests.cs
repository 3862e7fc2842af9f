using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class PackagedConfigChoiceTests
{
    [Fact]
    public void The_default_config_is_packaged_when_it_was_built()
    {
        Assert.Equal("smoke", PackagedConfigChoice.Choose("smoke", ["debug", "smoke"]));
    }

    [Fact]
    public void A_run_that_built_only_another_config_packages_that_one()
    {
        Assert.Equal("system", PackagedConfigChoice.Choose("smoke", ["system", "debug"]));
    }

    [Fact]
    public void Nothing_built_means_nothing_to_package()
    {
        Assert.Null(PackagedConfigChoice.Choose("smoke", []));
    }
}
