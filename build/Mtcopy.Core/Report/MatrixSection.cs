namespace Mtcopy.Core.Report;

/// <summary>The compatibility matrix: bases down, patches then build and smoke across, each cell a word and a colour, and why a patch conflicted.</summary>
public sealed record MatrixSection(bool Present, string Absent, string Series, IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixRowView> Rows);

/// <summary>A patch column: its number as the header, its name as the title.</summary>
public sealed record MatrixColumn(string Header, string Name);

/// <summary>One base (or a variant of the series for it).</summary>
public sealed record MatrixRowView(
    string Label,
    string KernelVersion,
    ReportBadge Overall,
    IReadOnlyList<ReportBadge> Patches,
    MatrixStepView Build,
    MatrixStepView Smoke,
    IReadOnlyList<MatrixConflictView> Conflicts);

/// <summary>A build or smoke step: outcome, a line of detail, and its log when it exists.</summary>
public sealed record MatrixStepView(ReportBadge Badge, string Detail, string LogHref);

/// <summary>Why a patch did not apply onto a base.</summary>
public sealed record MatrixConflictView(string Patch, string Where, string Reason, string Missing);
