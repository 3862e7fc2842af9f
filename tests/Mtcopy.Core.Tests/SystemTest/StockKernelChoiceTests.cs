using Mtcopy.Core.SystemTest;

namespace Mtcopy.Core.Tests.SystemTest;

public sealed class StockKernelChoiceTests
{
    [Fact]
    public void Debian_s_kernel_with_an_initrd_is_chosen_over_the_mtcopy_kernel()
    {
        string[] boot = ["config-6.1.0-57-cloud-amd64", "vmlinuz-6.1.0-57-cloud-amd64", "initrd.img-6.1.0-57-cloud-amd64",
            "vmlinuz-6.12.117-mtcopy", "initrd.img-6.12.117-mtcopy"];

        Assert.Equal("6.1.0-57-cloud-amd64", StockKernelChoice.Choose(boot, "6.12.117-mtcopy"));
    }

    [Fact]
    public void A_kernel_without_an_initrd_or_only_the_mtcopy_kernel_is_no_choice()
    {
        Assert.Null(StockKernelChoice.Choose(["vmlinuz-6.1.0-57-cloud-amd64"], "6.12.117-mtcopy"));
        Assert.Null(StockKernelChoice.Choose(["vmlinuz-6.12.117-mtcopy", "initrd.img-6.12.117-mtcopy"], "6.12.117-mtcopy"));
    }
}
