using Mtcopy.Core.Smoke;

namespace Mtcopy.Core.Tests.Smoke;

public sealed class GuestProfileTests
{
    [Fact]
    public void Default_config_runs_the_fast_set_within_the_default_timeout()
    {
        Assert.Empty(GuestProfile.KernelArgs(isDefaultConfig: true));
        Assert.Equal(QemuSettings.DefaultTimeout, GuestProfile.Timeout(isDefaultConfig: true));
    }

    [Fact]
    public void Other_configs_add_the_heavy_cases_and_more_time()
    {
        Assert.Equal(["mtcopy.heavy=1"], GuestProfile.KernelArgs(isDefaultConfig: false));
        Assert.Equal(TimeSpan.FromMinutes(10), GuestProfile.Timeout(isDefaultConfig: false));
    }
}
