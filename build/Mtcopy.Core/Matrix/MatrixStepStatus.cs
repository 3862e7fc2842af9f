namespace Mtcopy.Core.Matrix;

/// <summary>How one step (fetch, build, smoke) of one base went.</summary>
public enum MatrixStepStatus
{
    /// <summary>Ran and passed.</summary>
    Pass,

    /// <summary>Ran and failed.</summary>
    Fail,

    /// <summary>Not run, on purpose (after a conflict, or not asked for).</summary>
    Skip,
}
