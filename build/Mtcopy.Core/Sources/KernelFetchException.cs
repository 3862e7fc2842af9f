namespace Mtcopy.Core.Sources;

/// <summary>
/// Fetching a kernel base failed for a reason the user can fix (package not in the apt sources,
/// not a kernel tree, unknown git ref...). Infrastructure failures use other exception types.
/// </summary>
public sealed class KernelFetchException : UserErrorException
{
    public KernelFetchException() { }

    public KernelFetchException(string message) : base(message) { }

    public KernelFetchException(string message, Exception inner) : base(message, inner) { }
}
