using System.Text;
using MimeKit.Utils;

namespace Mtcopy.Core.Series.Mail;

/// <summary>Header value helpers: RFC 2047 decoding and git's whitespace clean-up.</summary>
internal static class HeaderText
{
    /// <summary>Decodes RFC 2047 encoded words (<c>=?UTF-8?q?J=C3=B6rg?=</c>).</summary>
    public static string Decode(string value) =>
        value.Contains("=?", StringComparison.Ordinal)
            ? Rfc2047.DecodeText(Encoding.UTF8.GetBytes(value))
            : value;

    /// <summary>git's <c>cleanup_space</c>: every run of whitespace becomes one space.</summary>
    public static string CollapseSpace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var inSpace = false;
        foreach (var c in value)
        {
            if (TextLines.IsGitSpace(c))
            {
                if (!inSpace)
                {
                    builder.Append(' ');
                }

                inSpace = true;
            }
            else
            {
                builder.Append(c);
                inSpace = false;
            }
        }

        return builder.ToString();
    }
}
