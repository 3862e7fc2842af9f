namespace Mtcopy.Core.Results;

/// <summary>The outcome of a stage, written as PASS / FAIL / SKIP.</summary>
public enum StageStatus
{
    Pass,
    Fail,
    Skip,
}
