namespace Mtcopy.Core.Rebase;

/// <summary>Finds the conflict regions (merge or diff3 style markers) in a file's text.</summary>
public static class ConflictMarkers
{
    private const string Start = "<<<<<<<";
    private const string BaseMark = "|||||||";
    private const string Middle = "=======";
    private const string End = ">>>>>>>";

    /// <summary>Every complete region, in order; an unterminated region is not reported.</summary>
    public static IReadOnlyList<ConflictHunk> Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.Split('\n');
        var hunks = new List<ConflictHunk>();
        int i = 0;
        while (i < lines.Length)
        {
            if (!IsMarker(lines[i], Start))
            {
                i++;
                continue;
            }

            int start = i;
            var sides = new[] { new List<string>(), new List<string>(), new List<string>() };
            int side = 0;
            int j = i + 1;
            bool closed = false;
            for (; j < lines.Length; j++)
            {
                string line = lines[j];
                if (IsMarker(line, BaseMark) && side == 0)
                {
                    side = 1;
                }
                else if (line == Middle && side < 2)
                {
                    side = 2;
                }
                else if (IsMarker(line, End) && side == 2)
                {
                    closed = true;
                    break;
                }
                else if (IsMarker(line, Start))
                {
                    break;
                }
                else
                {
                    sides[side].Add(line);
                }
            }

            if (closed)
            {
                hunks.Add(new ConflictHunk(path, start + 1, j + 1, sides[0], sides[1], sides[2]));
                i = j + 1;
            }
            else
            {
                i = j;
            }
        }

        return hunks;
    }

    /// <summary>True when <paramref name="text"/> still has a start or end conflict marker line.</summary>
    public static bool HasMarkers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n').Any(l => IsMarker(l, Start) || IsMarker(l, End));
    }

    /// <summary>
    /// Renames the sides git apply --3way calls "ours" and "theirs" (e.g. to our branch and the
    /// patch), so whoever resolves the file sees which is which. Only whole marker lines change.
    /// </summary>
    public static string Relabel(string text, string ours, string theirs)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join('\n', text.Split('\n').Select(l =>
            l == Start + " ours" ? Start + " " + ours : l == End + " theirs" ? End + " " + theirs : l));
    }

    private static bool IsMarker(string line, string marker) =>
        line.StartsWith(marker, StringComparison.Ordinal) && (line.Length == marker.Length || line[marker.Length] == ' ');
}
