using Mtcopy.Core.Smoke;
using Mtcopy.Core.SystemTest;

namespace Mtcopy.Core.Tests.SystemTest;

public sealed class SystemTestLogTests
{
    private const string FirstBoot = "# time running_another_kernel 918 ms\nok 1 running_another_kernel\n"
        + "# time install_kernel 31215 ms\nok 2 install_kernel\n# next-boot: mtcopy\n";

    private const string SecondBoot = "# time modprobe_dkms 120 ms\nok 3 modprobe_dkms\n# time migrate_dkms 2500 ms\n# byte 17 differs\nnot ok 4 migrate_dkms\n# next-boot: done\n";

    [Fact]
    public void The_last_next_boot_line_says_what_to_boot()
    {
        Assert.Equal(NextBoot.Mtcopy, SystemTestLog.NextBootOf(FirstBoot));
        Assert.Equal(NextBoot.Done, SystemTestLog.NextBootOf(SecondBoot));
        Assert.Equal(NextBoot.Stock, SystemTestLog.NextBootOf("# next-boot: stock\r\n"));
    }

    [Fact]
    public void A_boot_that_did_not_say_has_no_next_boot()
    {
        Assert.Null(SystemTestLog.NextBootOf("ok 1 running_another_kernel\n"));
        Assert.Null(SystemTestLog.NextBootOf("# next-boot: elsewhere\n"));
    }

    [Fact]
    public void The_boots_make_one_ktap_document_whose_failure_is_the_step()
    {
        string ktap = SystemTestLog.Ktap([FirstBoot, SecondBoot]);
        KtapDocument document = KtapParser.Parse(ktap);

        Assert.StartsWith("KTAP version 1\n1..4\n", ktap, StringComparison.Ordinal);
        Assert.DoesNotContain("next-boot", ktap, StringComparison.Ordinal);
        Assert.True(document.IsComplete);
        Assert.False(document.Passed);
        Assert.Equal(["migrate_dkms"], document.FailedNames);
    }

    [Fact]
    public void All_steps_passed_is_a_passing_document()
    {
        KtapDocument document = KtapParser.Parse(SystemTestLog.Ktap([FirstBoot]));

        Assert.True(document.Passed);
        Assert.Equal(2, document.AllTests().Count());
    }

    [Fact]
    public void Each_step_has_its_time()
    {
        IReadOnlyList<SystemStepTime> times = SystemTestLog.Times([FirstBoot, SecondBoot]);

        Assert.Equal(["running_another_kernel", "install_kernel", "modprobe_dkms", "migrate_dkms"], times.Select(t => t.Step));
        Assert.Equal(TimeSpan.FromMilliseconds(31215), times[1].Duration);
    }
}
