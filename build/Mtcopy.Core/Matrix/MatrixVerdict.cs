namespace Mtcopy.Core.Matrix;

/// <summary>
/// Which rows of a matrix must pass for the Matrix stage to pass. A conflict is a result, not a failure,
/// except where the project says the series works: the manifest's default base (with the series itself),
/// and every base the manifest maintains a variant of the series for (with that variant). The series itself
/// conflicting on a base that has a variant is expected, and so is any row on a base the project does not claim.
/// </summary>
public static class MatrixVerdict
{
    /// <summary>True for a row that must pass: the series itself on <paramref name="defaultBase"/>, or any variant row.</summary>
    public static bool IsRequired(MatrixRow row, string? defaultBase)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Series is not null || (defaultBase is not null && row.Base == defaultBase);
    }

    /// <summary>One sentence per required row that did not pass, in row order; empty when the matrix passes.</summary>
    public static IReadOnlyList<string> Failures(MatrixReport report, string? defaultBase)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Rows.Where(r => IsRequired(r, defaultBase) && r.Overall != "pass").Select(r => r.Series is null
            ? $"the manifest's default base {r.Base} does not pass ({r.Overall}): the series is broken on the kernel it supports"
            : $"{r.Label} does not pass ({r.Overall}): the variant {r.Series} the manifest maintains for {r.Base} is broken")];
    }
}
