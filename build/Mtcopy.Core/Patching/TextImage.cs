using System.Text;

namespace Mtcopy.Core.Patching;

/// <summary>File content as a list of lines, each holding its own '\n' (the last one may lack it).</summary>
internal static class TextImage
{
    public static List<byte[]> Split(ReadOnlySpan<byte> content)
    {
        var lines = new List<byte[]>();
        while (!content.IsEmpty)
        {
            var nl = content.IndexOf((byte)'\n');
            var length = nl < 0 ? content.Length : nl + 1;
            lines.Add(content[..length].ToArray());
            content = content[length..];
        }

        return lines;
    }

    public static byte[] Join(List<byte[]> lines)
    {
        var result = new byte[lines.Sum(l => l.Length)];
        var at = 0;
        foreach (var line in lines)
        {
            line.CopyTo(result, at);
            at += line.Length;
        }

        return result;
    }

    /// <summary>The bytes a hunk line stands for: UTF-8 text plus '\n' unless marked "no newline".</summary>
    public static byte[] Encode(HunkLine line) =>
        Encoding.UTF8.GetBytes(line.NoNewlineAtEnd ? line.Text : line.Text + "\n");

    /// <summary>A line for reports: decoded as UTF-8, without its line feed.</summary>
    public static string Display(byte[] line)
    {
        var text = Encoding.UTF8.GetString(line);
        return text.EndsWith('\n') ? text[..^1] : text;
    }
}
