using Mtcopy.Core;

namespace Mtcopy.Adapters.Git;

/// <summary>The repository, base revision, branch name or worktree path handed in cannot be used.</summary>
public sealed class WorkspaceException : UserErrorException
{
    public WorkspaceException() { }

    public WorkspaceException(string message) : base(message) { }

    public WorkspaceException(string message, Exception inner) : base(message, inner) { }
}
