namespace Mtcopy.Core.Matrix;

/// <summary>
/// Which rows of a matrix must pass for the Matrix stage to pass. A conflict is a result, not a failure,
/// except where the project says the series works: the manifest's default base (with the series itself),
/// and every base the manifest maintains a variant of the series for (with that variant). The series itself
/// conflicting on a base that has a variant is expected, and so is any row on a base the project does not claim.
/// A required row passes only when it was built and its smoke test ran and passed (a skipped smoke is no pass),
/// and a required row that is missing (its job wrote nothing) fails the matrix.
/// </summary>
public static class MatrixVerdict
{
    /// <summary>True for a row that must pass: the series itself on <paramref name="defaultBase"/>, or any variant row.</summary>
    public static bool IsRequired(MatrixRow row, string? defaultBase)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Series is not null || (defaultBase is not null && row.Base == defaultBase);
    }

    /// <summary>
    /// The labels (<see cref="MatrixRow.Label"/>) of the rows the project claims: the default base, and each base
    /// with the variant the manifest maintains for it. <paramref name="variants"/> gives (base, variant) pairs.
    /// </summary>
    public static IReadOnlyList<string> RequiredLabels(string defaultBase, IEnumerable<(string Base, string Series)> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        return [defaultBase, .. variants.Select(v => $"{v.Base} [{v.Series}]")];
    }

    /// <summary>One sentence per required row that did not pass, in row order; empty when the matrix passes.</summary>
    public static IReadOnlyList<string> Failures(MatrixReport report, string? defaultBase) => Failures(report, defaultBase, []);

    /// <summary>
    /// One sentence per required row that did not pass, in row order, then one per row of <paramref name="expected"/>
    /// (labels) that has no result at all; empty when the matrix passes.
    /// </summary>
    public static IReadOnlyList<string> Failures(MatrixReport report, string? defaultBase, IReadOnlyList<string> expected)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(expected);
        var failures = new List<string>();
        foreach (MatrixRow r in report.Rows.Where(r => IsRequired(r, defaultBase)))
        {
            if (r.Overall != "pass")
            {
                failures.Add(r.Series is null
                    ? $"the manifest's default base {r.Base} does not pass ({r.Overall}): the series is broken on the kernel it supports"
                    : $"{r.Label} does not pass ({r.Overall}): the variant {r.Series} the manifest maintains for {r.Base} is broken");
            }
            else if (r.Build.Status != MatrixStepStatus.Pass || r.Smoke.Status != MatrixStepStatus.Pass)
            {
                MatrixStep missing = r.Build.Status != MatrixStepStatus.Pass ? r.Build : r.Smoke;
                string step = r.Build.Status != MatrixStepStatus.Pass ? "build" : "smoke test";
                failures.Add($"{r.Label} is a required row but its {step} did not run ({missing.Detail}): a check that did not run is no pass");
            }
        }

        var present = report.Rows.Select(r => r.Label).ToHashSet(StringComparer.Ordinal);
        failures.AddRange(expected.Where(label => !present.Contains(label))
            .Select(label => $"{label} is a required row but has no result: the job that should have run it wrote nothing"));
        return failures;
    }
}
