namespace Mtcopy.Core.Matrix;

/// <summary>The compatibility matrix: one series (its patches, in order) against several kernel bases.</summary>
/// <param name="Series">The series name.</param>
/// <param name="Version">The series version.</param>
/// <param name="Patches">The patch names, in order: the columns.</param>
/// <param name="Rows">One row per base, in the order given.</param>
public sealed record MatrixReport(string Series, string Version, IReadOnlyList<string> Patches, IReadOnlyList<MatrixRow> Rows)
{
    public const int SchemaVersion = 1;

    /// <summary>True when every base passed (applied, built, smoke not failed).</summary>
    public bool AllPassed => Rows.All(r => r.Overall == "pass");
}
