using Mtcopy.Core;

namespace Mtcopy.Adapters.Rebase;

/// <summary>A rebase cannot go on as asked (one in progress, nothing to continue, unresolved conflicts): the message says what to do.</summary>
public sealed class RebaseException : UserErrorException
{
    public RebaseException() { }

    public RebaseException(string message) : base(message) { }

    public RebaseException(string message, Exception inner) : base(message, inner) { }
}
