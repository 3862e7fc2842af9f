namespace Mtcopy.Adapters.Git;

/// <summary>Our branch checked out in our worktree.</summary>
/// <param name="RepositoryPath">The user's repository top level (or git dir when bare).</param>
/// <param name="WorktreePath">Absolute path of our worktree.</param>
/// <param name="BranchName">Our branch.</param>
/// <param name="GitDir">The worktree's private git directory (holds its HEAD, index and our state file).</param>
public sealed record Workspace(string RepositoryPath, string WorktreePath, string BranchName, string GitDir);
