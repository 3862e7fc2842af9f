namespace Mtcopy.Core.Bench;

/// <summary>The bench cannot start: an earlier stage's results are missing or a setting is wrong; the message says what to do.</summary>
public sealed class BenchSetupException : UserErrorException
{
    public BenchSetupException() { }

    public BenchSetupException(string message) : base(message) { }

    public BenchSetupException(string message, Exception inner) : base(message, inner) { }
}
