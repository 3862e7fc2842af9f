namespace Mtcopy.Core.Matrix;

/// <summary>A matrix.json that cannot be read, or results that cannot be joined: the message says which and why.</summary>
public sealed class MatrixFormatException : UserErrorException
{
    public MatrixFormatException() { }

    public MatrixFormatException(string message) : base(message) { }

    public MatrixFormatException(string message, Exception inner) : base(message, inner) { }
}
