using Mtcopy.Adapters.Packaging;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Tests.Packaging;

public sealed class ModuleOrderSwapTests
{
    private const string Full = "fs/fat/vfat.o\ndrivers/migoffcopy/mtcopy/mtcopy.o\n";
    private static readonly DateTime Built = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void While_held_the_list_leaves_the_module_out_with_the_builds_mtime_and_afterwards_it_is_back()
    {
        using var dir = new TempDirectory();
        string order = Write(dir);

        using (ModuleOrderSwap.Begin(dir.Path, ["mtcopy"]))
        {
            Assert.Equal("fs/fat/vfat.o\n", File.ReadAllText(order));
            Assert.Equal(Built, File.GetLastWriteTimeUtc(order));
        }

        Assert.Equal(Full, File.ReadAllText(order));
        Assert.Equal(Built, File.GetLastWriteTimeUtc(order));
        Assert.False(File.Exists(dir.Combine(PackagedModuleOrder.KeptFileName)));
    }

    [Fact]
    public void A_list_left_filtered_by_a_killed_run_is_put_back_by_the_next()
    {
        using var dir = new TempDirectory();
        string order = Write(dir);
        ModuleOrderSwap.Begin(dir.Path, ["mtcopy"]); // never disposed: the run was killed

        Assert.Null(ModuleOrderSwap.Begin(dir.Path, []));

        Assert.Equal(Full, File.ReadAllText(order));
    }

    [Fact]
    public void Nothing_to_leave_out_or_no_list_swaps_nothing()
    {
        using var dir = new TempDirectory();
        Assert.Null(ModuleOrderSwap.Begin(dir.Path, ["mtcopy"]));
        string order = Write(dir);

        Assert.Null(ModuleOrderSwap.Begin(dir.Path, []));
        Assert.Equal(Full, File.ReadAllText(order));
    }

    private static string Write(TempDirectory dir)
    {
        string order = dir.Combine("modules.order");
        File.WriteAllText(order, Full);
        File.SetLastWriteTimeUtc(order, Built);
        return order;
    }
}
