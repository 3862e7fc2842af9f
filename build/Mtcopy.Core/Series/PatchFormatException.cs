namespace Mtcopy.Core.Series;

/// <summary>A patch file that cannot be read as a git mail or a DEP-3 patch.</summary>
public sealed class PatchFormatException : UserErrorException
{
    public PatchFormatException() { }
    public PatchFormatException(string message) : base(message) { }
    public PatchFormatException(string message, Exception inner) : base(message, inner) { }
}
