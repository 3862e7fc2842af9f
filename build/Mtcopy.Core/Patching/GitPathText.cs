using System.Text;

namespace Mtcopy.Core.Patching;

/// <summary>Path names as they appear in diff headers: C-style quoting and the "a/" "b/" prefixes.</summary>
internal static class GitPathText
{
    public const string DevNull = "/dev/null";

    /// <summary>
    /// Reads one name from the start of <paramref name="text"/>: a C-quoted string, or up to the first
    /// tab (git appends a tab to names with spaces; plain diffs put a timestamp after it).
    /// </summary>
    public static string ReadName(string text, int line)
    {
        if (text.StartsWith('"'))
        {
            var (name, _) = Unquote(text, 0, line);
            return name;
        }

        var tab = text.IndexOf('\t', StringComparison.Ordinal);
        return tab >= 0 ? text[..tab] : text;
    }

    /// <summary>Removes the first path component ("a/x/y" -> "x/y"), like patch -p1.</summary>
    public static string StripPrefix(string name, int line)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash == name.Length - 1)
        {
            throw new PatchFormatException($"line {line}: file name \"{name}\" has no leading directory to strip", line);
        }

        return name[(slash + 1)..];
    }

    /// <summary>
    /// The old and new names of a "diff --git a/x b/y" line, or nulls when they cannot be told apart
    /// (unquoted names with spaces that differ: the other headers must then supply them).
    /// </summary>
    public static (string? Old, string? New) ParseGitHeader(string rest, int line)
    {
        if (rest.StartsWith('"'))
        {
            var (first, end) = Unquote(rest, 0, line);
            var second = rest[end..].TrimStart(' ');
            var secondName = second.StartsWith('"') ? Unquote(second, 0, line).Name : second;
            return (StripPrefix(first, line), StripPrefix(secondName, line));
        }

        var quote = rest.IndexOf(" \"", StringComparison.Ordinal);
        if (quote >= 0)
        {
            var secondName = Unquote(rest, quote + 1, line).Name;
            return (StripPrefix(rest[..quote], line), StripPrefix(secondName, line));
        }

        // Unquoted: find the split where both halves name the same path after the prefix.
        for (var space = rest.IndexOf(' ', StringComparison.Ordinal); space >= 0; space = rest.IndexOf(' ', space + 1))
        {
            var a = rest[..space];
            var b = rest[(space + 1)..];
            var sa = a.IndexOf('/', StringComparison.Ordinal);
            var sb = b.IndexOf('/', StringComparison.Ordinal);
            if (sa > 0 && sb > 0 && string.Equals(a[(sa + 1)..], b[(sb + 1)..], StringComparison.Ordinal) && sa + 1 < a.Length)
            {
                return (a[(sa + 1)..], b[(sb + 1)..]);
            }
        }

        return (null, null);
    }

    /// <summary>Decodes a C-quoted name starting at <paramref name="start"/> (the opening quote); returns the name and the index after the closing quote.</summary>
    public static (string Name, int End) Unquote(string text, int start, int line)
    {
        var bytes = new List<byte>();
        var i = start + 1;
        Span<byte> utf8 = stackalloc byte[4];
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                return (Encoding.UTF8.GetString(bytes.ToArray()), i + 1);
            }

            if (c != '\\')
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                var n = Encoding.UTF8.GetBytes(text.AsSpan(i, length), utf8);
                for (var k = 0; k < n; k++)
                {
                    bytes.Add(utf8[k]);
                }

                i += length;
                continue;
            }

            if (i + 1 >= text.Length)
            {
                break;
            }

            var e = text[i + 1];
            i += 2;
            switch (e)
            {
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 't': bytes.Add(9); break;
                case 'n': bytes.Add(10); break;
                case 'v': bytes.Add(11); break;
                case 'f': bytes.Add(12); break;
                case 'r': bytes.Add(13); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case '"': bytes.Add((byte)'"'); break;
                case >= '0' and <= '3':
                    if (i + 1 >= text.Length || !IsOctal(text[i]) || !IsOctal(text[i + 1]))
                    {
                        throw new PatchFormatException($"line {line}: bad octal escape in quoted file name", line);
                    }

                    bytes.Add((byte)(((e - '0') * 64) + ((text[i] - '0') * 8) + (text[i + 1] - '0')));
                    i += 2;
                    break;
                default:
                    throw new PatchFormatException($"line {line}: unknown escape \\{e} in quoted file name", line);
            }
        }

        throw new PatchFormatException($"line {line}: unterminated quoted file name", line);
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
