using System.Globalization;
using System.Text;

namespace Mtcopy.Core.Kernel;

/// <summary>
/// The first real error of a build log: the line itself (1-based <paramref name="LineNumber"/>),
/// what kind of error it is and a few lines around it (<paramref name="ContextStart"/> is the
/// 1-based number of the first context line).
/// </summary>
public sealed record BuildErrorSummary(
    BuildErrorKind Kind,
    string ErrorLine,
    int LineNumber,
    int ContextStart,
    IReadOnlyList<string> Context)
{
    /// <summary>Multi-line text: a header, then the context with the error line marked by '>'.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"First error (log line {LineNumber}): {ErrorLine}");
        for (int i = 0; i < Context.Count; i++)
        {
            int number = ContextStart + i;
            text.Append('\n')
                .Append(number == LineNumber ? "> " : "  ")
                .Append(number.ToString(CultureInfo.InvariantCulture).PadLeft(6))
                .Append(" | ")
                .Append(Context[i]);
        }

        return text.ToString();
    }
}
