namespace Mtcopy.Adapters.Packaging;

/// <summary>The kernel's packaging targets ran but did not leave what they should, or changed the built kernel.</summary>
public sealed class KernelPackagingException : Exception
{
    public KernelPackagingException() { }

    public KernelPackagingException(string message) : base(message) { }

    public KernelPackagingException(string message, Exception inner) : base(message, inner) { }
}
