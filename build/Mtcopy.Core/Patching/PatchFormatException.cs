namespace Mtcopy.Core.Patching;

/// <summary>A patch that cannot be parsed: a corrupt diff (hunk, binary data...) or a file that is not a git mail or a DEP-3 patch.</summary>
public sealed class PatchFormatException : UserErrorException
{
    public PatchFormatException() { }

    public PatchFormatException(string message) : base(message) { }

    public PatchFormatException(string message, Exception inner) : base(message, inner) { }

    public PatchFormatException(string message, int line) : base(message) => Line = line;

    public PatchFormatException(string message, int line, Exception inner) : base(message, inner) => Line = line;

    /// <summary>1-based line in the diff text, 0 when unknown.</summary>
    public int Line { get; }
}
