namespace Mtcopy.Core.Series.Quilt;

/// <summary>A quilt <c>series</c> file that mtcopy cannot use; the message names the line.</summary>
public sealed class QuiltSeriesException : UserErrorException
{
    public QuiltSeriesException() { }
    public QuiltSeriesException(string message) : base(message) { }
    public QuiltSeriesException(string message, Exception inner) : base(message, inner) { }
}
