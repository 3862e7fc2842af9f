using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Git;

/// <summary>The end of an apply or continue run.</summary>
/// <param name="Report">Per patch, per file, per hunk outcomes.</param>
/// <param name="Workspace">Our branch and worktree.</param>
/// <param name="BaseCommit">The commit the series was applied onto.</param>
/// <param name="HeadCommit">The commit our branch points at (the last applied patch, or the base).</param>
/// <param name="TreeId">The tree of <paramref name="HeadCommit"/>.</param>
/// <param name="StatePath">The state file written when the series stopped; null when it completed.</param>
public sealed record SeriesResult(SeriesReport Report, Workspace Workspace, string BaseCommit, string HeadCommit, string TreeId, string? StatePath)
{
    /// <summary>True when every patch was applied; false means stopped (the caller exits non-zero).</summary>
    public bool Succeeded => Report.Succeeded;
}
