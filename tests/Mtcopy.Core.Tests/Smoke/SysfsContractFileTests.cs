using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Core.Tests.Smoke;

public sealed class SysfsContractFileTests
{
    [Fact]
    public void The_contract_lists_attributes_first_then_every_value_to_try()
    {
        var sysfs = new SysfsSpec
        {
            Directory = "/sys/kernel/cpu_mt",
            Attributes =
            [
                new SysfsAttributeSpec { Name = "threads", Mode = "rw", Default = "4", Valid = ["1", "64"], Invalid = ["0", ""] },
                new SysfsAttributeSpec { Name = "bytes", Mode = "ro" },
            ],
        };

        string text = SysfsContractFile.Render(sysfs);

        Assert.Equal(
            """
            # mtcopy sysfs contract, rendered from the series manifest
            dir /sys/kernel/cpu_mt
            rw threads 4
            ro bytes
            valid threads 1
            valid threads 64
            invalid threads 0
            invalid threads 

            """.Replace("\r\n", "\n", StringComparison.Ordinal), text);
    }
}
