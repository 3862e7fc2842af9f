using Mtcopy.Core;

namespace Mtcopy.Adapters.Git;

/// <summary>Continue was asked while files still hold conflict markers.</summary>
public sealed class UnresolvedConflictException : UserErrorException
{
    public UnresolvedConflictException() => Paths = [];

    public UnresolvedConflictException(string message) : base(message) => Paths = [];

    public UnresolvedConflictException(string message, Exception inner) : base(message, inner) => Paths = [];

    public UnresolvedConflictException(IReadOnlyList<string> paths, string worktree)
        : base($"These files in {worktree} still contain conflict markers; resolve them, then continue: {string.Join(", ", paths ?? [])}")
        => Paths = paths ?? [];

    /// <summary>Tree-relative paths that still contain markers.</summary>
    public IReadOnlyList<string> Paths { get; }
}
