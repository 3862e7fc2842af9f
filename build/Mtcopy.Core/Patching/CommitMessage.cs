using System.Text;

namespace Mtcopy.Core.Patching;

/// <summary>Commit message clean-up as git am does it (git stripspace without comment removal).</summary>
public static class CommitMessage
{
    /// <summary>
    /// Strips trailing whitespace from every line, drops leading and trailing blank lines, collapses
    /// runs of blank lines into one and ends the message with a single line feed. Lines starting
    /// with '#' are kept (kernel messages quote "#include").
    /// </summary>
    public static string Normalize(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sb = new StringBuilder();
        var pendingBlank = false;
        foreach (var raw in message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd(' ', '\t', '\r', '\f', '\v');
            if (line.Length == 0)
            {
                pendingBlank = sb.Length > 0;
                continue;
            }

            if (pendingBlank)
            {
                sb.Append('\n');
                pendingBlank = false;
            }

            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }
}
