namespace Mtcopy.Core.Kernel;

/// <summary>A line in a .config or config fragment that Kconfig would not understand.</summary>
public sealed class KconfigSyntaxException : UserErrorException
{
    public KconfigSyntaxException() { }

    public KconfigSyntaxException(string message) : base(message) { }

    public KconfigSyntaxException(string message, Exception inner) : base(message, inner) { }

    public KconfigSyntaxException(string sourceName, int line, string problem)
        : base($"{sourceName}:{line}: {problem}")
    {
        SourceName = sourceName;
        Line = line;
    }

    public string? SourceName { get; }

    public int Line { get; }
}
