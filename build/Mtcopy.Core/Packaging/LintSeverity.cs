namespace Mtcopy.Core.Packaging;

/// <summary>The severity letter of a lintian or rpmlint finding.</summary>
public enum LintSeverity
{
    /// <summary>E: the package is broken or violates policy.</summary>
    Error,

    /// <summary>W: probably a mistake.</summary>
    Warning,

    /// <summary>I:, P:, X:, N:, O: informational, pedantic, experimental, note, overridden.</summary>
    Other,
}
