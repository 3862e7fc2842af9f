namespace Mtcopy.Core.Matrix;

/// <summary>One step of one base: its status, a short reason, and the log that has the details.</summary>
/// <param name="Status">Pass, fail or skip.</param>
/// <param name="Detail">One line for people: what was built, why it failed or was skipped.</param>
/// <param name="Log">The log file (relative to the output directory where possible), or null.</param>
public sealed record MatrixStep(MatrixStepStatus Status, string Detail, string? Log = null)
{
    public static MatrixStep Pass(string detail, string? log = null) => new(MatrixStepStatus.Pass, detail, log);

    public static MatrixStep Fail(string detail, string? log = null) => new(MatrixStepStatus.Fail, detail, log);

    public static MatrixStep Skip(string detail) => new(MatrixStepStatus.Skip, detail);

    /// <summary>The word in tables: pass, FAIL or skip.</summary>
    public string Word => Status switch
    {
        MatrixStepStatus.Pass => "pass",
        MatrixStepStatus.Fail => "FAIL",
        _ => "skip",
    };
}
