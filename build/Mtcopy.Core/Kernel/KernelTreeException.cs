namespace Mtcopy.Core.Kernel;

/// <summary>A path given as a kernel tree (or build directory) does not look like one.</summary>
public sealed class KernelTreeException : UserErrorException
{
    public KernelTreeException() { }

    public KernelTreeException(string message) : base(message) { }

    public KernelTreeException(string message, Exception inner) : base(message, inner) { }
}
