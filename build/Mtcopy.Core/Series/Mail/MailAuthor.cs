using System.Text;

namespace Mtcopy.Core.Series.Mail;

/// <summary>
/// Splits a decoded <c>From:</c> value into name and e-mail the way <c>git mailinfo</c>
/// (<c>handle_from</c>) and <c>git commit</c> (ident clean-up) do.
/// </summary>
internal static class MailAuthor
{
    /// <summary>Returns false when the value holds no e-mail address (no <c>@</c>).</summary>
    public static bool TryParse(string from, out string name, out string email)
    {
        var f = Unquote(HeaderText.CollapseSpace(from));
        name = string.Empty;
        email = string.Empty;
        var at = f.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var start = at;
        var angle = false;
        while (start > 0)
        {
            var c = f[start - 1];
            if (TextLines.IsGitSpace(c))
            {
                break;
            }

            if (c == '<')
            {
                angle = true;
                break;
            }

            start--;
        }

        var end = f.IndexOfAny([' ', '\n', '\t', '\r', '\v', '\f', '>'], start);
        end = end < 0 ? f.Length : end;
        email = f[start..end];
        var removeFrom = angle ? start - 1 : start;
        var removeTo = end < f.Length ? end + 1 : end;
        var rest = TextLines.TrimGit(HeaderText.CollapseSpace(f[..removeFrom] + " " + f[removeTo..]));
        if (rest.Length >= 2 && rest[0] == '(' && rest[^1] == ')')
        {
            rest = rest[1..^1];
        }

        name = SaneName(rest, email);
        name = WithoutCrud(name);
        email = WithoutCrud(email);
        return email.Length > 0;
    }

    /// <summary>git's <c>get_sane_name</c>: falls back to the address for odd names.</summary>
    private static string SaneName(string name, string email) =>
        name.Length == 0 || Encoding.UTF8.GetByteCount(name) > 60 || name.IndexOfAny(['@', '<', '>']) >= 0
            ? email
            : name;

    /// <summary>git's <c>strbuf_addstr_without_crud</c>, applied when the commit is made.</summary>
    private static string WithoutCrud(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && IsCrud(value[start]))
        {
            start++;
        }

        while (end > start && IsCrud(value[end - 1]))
        {
            end--;
        }

        var builder = new StringBuilder(end - start);
        foreach (var c in value.AsSpan(start, end - start))
        {
            if (c is not ('\n' or '<' or '>'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsCrud(char c) =>
        c <= ' ' || c is '.' or ',' or ':' or ';' or '<' or '>' or '"' or '\\' or '\'';

    /// <summary>git's <c>unquote_quoted_pair</c>: removes RFC 822 quoting from the value.</summary>
    private static string Unquote(string value)
    {
        var builder = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i++];
            if (c == '"')
            {
                i = CopyQuoted(value, i, builder, '"');
            }
            else if (c == '(')
            {
                builder.Append('(');
                i = CopyQuoted(value, i, builder, ')');
                builder.Append(')');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int CopyQuoted(string value, int i, StringBuilder builder, char close)
    {
        while (i < value.Length)
        {
            var c = value[i++];
            if (c == '\\' && i < value.Length)
            {
                builder.Append(value[i++]);
            }
            else if (c == close)
            {
                return i;
            }
            else
            {
                builder.Append(c);
            }
        }

        return i;
    }
}
