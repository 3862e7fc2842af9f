namespace Mtcopy.Core.Packaging;

/// <summary>One finding of a package linter: <c>W: mtcopy-dkms: some-tag some context</c>.</summary>
public sealed record LintFinding(LintSeverity Severity, string Package, string Tag, string Context, string Line)
{
    public bool IsErrorOrWarning => Severity is LintSeverity.Error or LintSeverity.Warning;

    public override string ToString() => Line;
}
