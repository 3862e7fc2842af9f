namespace Mtcopy.Core.Smoke;

/// <summary>The smoke stage was asked for something impossible or is missing an input; the message says what to change.</summary>
public sealed class SmokeSettingsException : UserErrorException
{
    public SmokeSettingsException() { }

    public SmokeSettingsException(string message) : base(message) { }

    public SmokeSettingsException(string message, Exception inner) : base(message, inner) { }
}
