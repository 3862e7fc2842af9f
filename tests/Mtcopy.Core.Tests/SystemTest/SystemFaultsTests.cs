using Mtcopy.Core.SystemTest;

namespace Mtcopy.Core.Tests.SystemTest;

public sealed class SystemFaultsTests
{
    [Theory]
    [InlineData(null, SystemFault.None)]
    [InlineData("", SystemFault.None)]
    [InlineData("uname-only-postinst", SystemFault.UnameOnlyPostinst)]
    [InlineData("kernel-ships-module", SystemFault.KernelShipsModule)]
    [InlineData("purge-leaves-file", SystemFault.PurgeLeavesFile)]
    public void Names_parse_to_faults(string? name, SystemFault fault)
    {
        Assert.Equal(fault, SystemFaults.Parse(name));
    }

    [Fact]
    public void An_unknown_fault_is_the_user_s_error_listing_the_names()
    {
        var error = Assert.Throws<UserErrorException>(() => SystemFaults.Parse("leaky"));

        Assert.Contains("purge-leaves-file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_fault_names_a_step_to_fail_and_its_own_name_back()
    {
        foreach (string name in SystemFaults.Names)
        {
            SystemFault fault = SystemFaults.Parse(name);
            Assert.Equal(name, SystemFaults.NameOf(fault));
            Assert.Equal(fault == SystemFault.None, SystemFaults.ExpectedStep(fault) is null);
        }
    }
}
