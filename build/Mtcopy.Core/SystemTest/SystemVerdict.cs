namespace Mtcopy.Core.SystemTest;

/// <summary>
/// What a system test run means. Without a fault it passes only when every step passed. With a negative
/// control's fault it passes only when the run failed exactly at the fault's step: a control the test does not
/// catch, or catches at another step, fails.
/// </summary>
public sealed record SystemVerdict(bool Passed, string Message)
{
    public static SystemVerdict Judge(SystemFault fault, IReadOnlyList<string> failedSteps, string? guestFailure, bool reportComplete, int steps)
    {
        ArgumentNullException.ThrowIfNull(failedSteps);
        string what = failedSteps.Count > 0 ? "failed at step " + string.Join(", ", failedSteps)
            : guestFailure ?? (reportComplete ? null : "the report is incomplete") ?? $"all {steps} steps passed";
        string? expected = SystemFaults.ExpectedStep(fault);
        if (expected is null)
        {
            bool passed = failedSteps.Count == 0 && guestFailure is null && reportComplete && steps > 0;
            return new SystemVerdict(passed, passed ? $"{steps} steps passed" : what);
        }

        bool caught = guestFailure is null && failedSteps.Count == 1 && failedSteps[0] == expected;
        return new SystemVerdict(caught, caught
            ? $"negative control {SystemFaults.NameOf(fault)}: {what}, as it must"
            : $"negative control {SystemFaults.NameOf(fault)} must fail at step {expected}, but: {what}");
    }
}
