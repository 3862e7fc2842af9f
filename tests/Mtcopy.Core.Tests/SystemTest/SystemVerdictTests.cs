using Mtcopy.Core.SystemTest;

namespace Mtcopy.Core.Tests.SystemTest;

public sealed class SystemVerdictTests
{
    [Fact]
    public void Without_a_fault_every_step_must_pass()
    {
        Assert.True(SystemVerdict.Judge(SystemFault.None, [], null, true, 30).Passed);
        Assert.False(SystemVerdict.Judge(SystemFault.None, ["migrate_dkms"], null, true, 30).Passed);
        Assert.False(SystemVerdict.Judge(SystemFault.None, [], "boot 2: timed out", true, 12).Passed);
        Assert.False(SystemVerdict.Judge(SystemFault.None, [], null, false, 12).Passed);
        Assert.False(SystemVerdict.Judge(SystemFault.None, [], null, true, 0).Passed);
    }

    [Fact]
    public void A_failure_names_the_step()
    {
        SystemVerdict verdict = SystemVerdict.Judge(SystemFault.None, ["purge_dkms"], null, true, 30);

        Assert.Equal("failed at step purge_dkms", verdict.Message);
    }

    [Fact]
    public void A_negative_control_passes_only_when_caught_at_its_own_step()
    {
        SystemVerdict caught = SystemVerdict.Judge(SystemFault.PurgeLeavesFile, ["no_file_left_after_dkms_purge"], null, true, 20);

        Assert.True(caught.Passed);
        Assert.Contains("failed at step no_file_left_after_dkms_purge", caught.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_control_that_all_steps_pass_or_that_fails_elsewhere_fails()
    {
        SystemVerdict missed = SystemVerdict.Judge(SystemFault.UnameOnlyPostinst, [], null, true, 30);
        SystemVerdict elsewhere = SystemVerdict.Judge(SystemFault.UnameOnlyPostinst, ["install_kernel"], null, true, 2);
        SystemVerdict hung = SystemVerdict.Judge(SystemFault.UnameOnlyPostinst, [], "boot 2: timed out", false, 6);

        Assert.False(missed.Passed);
        Assert.Contains("must fail at step dkms_built_for_mtcopy_kernel, but: all 30 steps passed", missed.Message, StringComparison.Ordinal);
        Assert.False(elsewhere.Passed);
        Assert.False(hung.Passed);
    }
}
