namespace Mtcopy.Core;
/// <summary>A mistake in the user's input: the message says what to change.</summary>
public class UserErrorException : Exception
{
    public UserErrorException() { }
    public UserErrorException(string message) : base(message) { }
    public UserErrorException(string message, Exception inner) : base(message, inner) { }
}
