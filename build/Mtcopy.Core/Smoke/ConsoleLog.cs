using System.Text.RegularExpressions;

namespace Mtcopy.Core.Smoke;

/// <summary>Reading a serial console log: its lines, its tail, a kernel panic, the lines worth a look.</summary>
public static partial class ConsoleLog
{
    public const string PanicMarker = "Kernel panic - not syncing";

    /// <summary>Lines without '\r' (serial ports send CR LF); a final empty line is dropped.</summary>
    public static IReadOnlyList<string> Lines(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        List<string> lines = [.. text.Split('\n').Select(l => l.TrimEnd('\r'))];
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    public static IReadOnlyList<string> Tail(IReadOnlyList<string> lines, int count)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. lines.Skip(Math.Max(0, lines.Count - count))];
    }

    /// <summary>The first "Kernel panic - not syncing" line, or null.</summary>
    public static string? FindPanic(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.FirstOrDefault(l => l.Contains(PanicMarker, StringComparison.Ordinal));
    }

    /// <summary>The first <paramref name="max"/> lines with Oops, BUG, WARNING, Call Trace or a panic.</summary>
    public static IReadOnlyList<string> Highlights(IReadOnlyList<string> lines, int max = 20)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.Where(l => Trouble().IsMatch(l)).Take(max)];
    }

    [GeneratedRegex(@"Oops|BUG|WARNING|Call Trace|Kernel panic")]
    private static partial Regex Trouble();
}
