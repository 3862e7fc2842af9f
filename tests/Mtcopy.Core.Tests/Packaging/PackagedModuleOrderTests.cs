using Mtcopy.Core.Packaging;

namespace Mtcopy.Core.Tests.Packaging;

public sealed class PackagedModuleOrderTests
{
    [Fact]
    public void The_left_out_module_goes_and_the_others_stay_in_order()
    {
        string order = "drivers/thermal/intel/x86_pkg_temp_thermal.o\ndrivers/migoffcopy/mtcopy/mtcopy.o\nfs/fat/vfat.o\n";

        Assert.Equal("drivers/thermal/intel/x86_pkg_temp_thermal.o\nfs/fat/vfat.o\n", PackagedModuleOrder.Filter(order, ["mtcopy"]));
    }

    [Fact]
    public void A_name_matches_whole_module_names_only()
    {
        Assert.Equal("drivers/x/mtcopy_extra.o\n", PackagedModuleOrder.Filter("drivers/x/mtcopy_extra.o\n", ["mtcopy"]));
    }

    [Fact]
    public void Nothing_left_out_keeps_the_list()
    {
        Assert.Equal("a/b.o\n", PackagedModuleOrder.Filter("a/b.o\n", []));
    }
}
