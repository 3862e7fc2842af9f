namespace Mtcopy.Core.Matrix;

/// <summary>The compatibility matrix: one series (its patches, in order) against several kernel bases.</summary>
/// <param name="Series">The series name.</param>
/// <param name="Version">The series version.</param>
/// <param name="Patches">The patch names, in order: the columns.</param>
/// <param name="Rows">One row per base, in the order given, and per variant of the series maintained for a base (after the base's own row).</param>
public sealed record MatrixReport(string Series, string Version, IReadOnlyList<string> Patches, IReadOnlyList<MatrixRow> Rows)
{
    /// <summary>The schema written. 2 added the rows' <c>series</c>, <c>patches</c> and <c>label</c> (series variants).</summary>
    public const int SchemaVersion = 2;

    /// <summary>The oldest schema still read: a schema 1 file is one whose rows all applied the series itself.</summary>
    public const int OldestSchemaRead = 1;

    /// <summary>The number of patch columns: the series' patches, or more when a variant has more.</summary>
    public int PatchColumns() => Rows.Select(r => r.Verdicts.Count).Append(Patches.Count).Max();

    /// <summary>True when every row passed (applied, built, smoke not failed).</summary>
    public bool AllPassed => Rows.All(r => r.Overall == "pass");
}
