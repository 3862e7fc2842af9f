using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Git;

/// <summary>Where and how to apply a series.</summary>
/// <param name="Workspace">The user's repository, the base revision, our branch and our worktree path.</param>
/// <param name="Options">Fuzz and three-way settings.</param>
public sealed record ApplyRequest(WorkspaceSpec Workspace, ApplyOptions Options);
