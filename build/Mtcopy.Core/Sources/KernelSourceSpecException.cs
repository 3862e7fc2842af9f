namespace Mtcopy.Core.Sources;

/// <summary>The <c>--kernel=</c> argument is not one of the accepted forms; the message lists them.</summary>
public sealed class KernelSourceSpecException : UserErrorException
{
    public KernelSourceSpecException() { }

    public KernelSourceSpecException(string message) : base(message) { }

    public KernelSourceSpecException(string message, Exception inner) : base(message, inner) { }
}
