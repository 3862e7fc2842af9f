using Mtcopy.Core;

namespace Mtcopy.Cli;

/// <summary>A stage ran to the end and found the result wrong (a failed smoke test, a lint error): the report says what.</summary>
public sealed class StageFailedException : UserErrorException
{
    public StageFailedException() { }

    public StageFailedException(string message) : base(message) { }

    public StageFailedException(string message, Exception inner) : base(message, inner) { }

    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}
