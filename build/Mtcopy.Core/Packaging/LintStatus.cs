namespace Mtcopy.Core.Packaging;

/// <summary>Outcome of a lint step.</summary>
public enum LintStatus
{
    /// <summary>The linter ran and reported no error or warning.</summary>
    Passed,

    /// <summary>Errors or warnings were reported, the linter itself failed, or it is not installed (a lint that did not run is no pass).</summary>
    Failed,

    /// <summary>Not used for a missing linter any more (that is <see cref="Failed"/>); kept for readers of old results.</summary>
    Skipped,
}
