namespace Mtcopy.Adapters.Git;

/// <summary>Where our own branch and worktree go.</summary>
/// <param name="RepositoryPath">The user's git repository (any directory inside it).</param>
/// <param name="BaseRevision">The revision the series applies onto (branch, tag, commit...).</param>
/// <param name="BranchName">Our branch, e.g. "mtcopy/apply"; recreated on every run.</param>
/// <param name="WorktreePath">Our worktree directory, outside the user's tree; recreated on every run.</param>
public sealed record WorkspaceSpec(string RepositoryPath, string BaseRevision, string BranchName, string WorktreePath);
