namespace Mtcopy.Core.Patching;

/// <summary>A cursor over the lines of a diff text, split on '\n' only (a '\r' stays part of the line).</summary>
internal sealed class DiffLines
{
    private readonly string[] _lines;

    public DiffLines(string text)
    {
        var lines = text.Split('\n');
        // A final line feed produces one empty trailing element that is not a line.
        _lines = lines.Length > 0 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    /// <summary>0-based index of the current line.</summary>
    public int Index { get; set; }

    /// <summary>1-based number of the current line, for messages.</summary>
    public int LineNumber => Index + 1;

    public bool AtEnd => Index >= _lines.Length;

    public string Current => _lines[Index];

    /// <summary>The current line without a trailing '\r' (for headers, never for hunk content).</summary>
    public string CurrentHeader => _lines[Index].TrimEnd('\r');

    public string? Peek(int ahead) =>
        Index + ahead < _lines.Length ? _lines[Index + ahead] : null;

    public void Advance() => Index++;
}
