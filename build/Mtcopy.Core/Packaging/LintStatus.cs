namespace Mtcopy.Core.Packaging;

/// <summary>Outcome of a lint step.</summary>
public enum LintStatus
{
    /// <summary>The linter ran and reported no error or warning.</summary>
    Passed,

    /// <summary>Errors or warnings were reported, or the linter itself failed.</summary>
    Failed,

    /// <summary>The linter is not installed; <see cref="LintReport.Note"/> says so.</summary>
    Skipped,
}
