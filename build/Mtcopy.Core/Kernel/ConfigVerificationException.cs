namespace Mtcopy.Core.Kernel;

/// <summary>Options from the config fragment that the kernel's Kconfig did not accept as asked.</summary>
public sealed class ConfigVerificationException : UserErrorException
{
    public ConfigVerificationException() { }

    public ConfigVerificationException(string message) : base(message) { }

    public ConfigVerificationException(string message, Exception inner) : base(message, inner) { }

    public ConfigVerificationException(string message, IReadOnlyList<ConfigMismatch> mismatches) : base(message)
    {
        Mismatches = mismatches;
    }

    public IReadOnlyList<ConfigMismatch> Mismatches { get; } = [];
}
