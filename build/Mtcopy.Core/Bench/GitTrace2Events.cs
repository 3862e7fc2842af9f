using System.Globalization;
using System.Text.Json;

namespace Mtcopy.Core.Bench;

/// <summary>
/// Reads git's trace2 event stream (<c>GIT_TRACE2_EVENT=&lt;file&gt;</c>: one JSON object per line, each
/// with its process's <c>sid</c>; <c>start</c> carries the argv, <c>exit</c> the wall-clock time). It lets the
/// bench split one call that runs several git commands at the moment one of them ended.
/// </summary>
public static class GitTrace2Events
{
    /// <summary>
    /// When the first git process whose argv satisfies <paramref name="matches"/> exited; null when no such
    /// process started and exited. Lines that are not JSON objects (a torn write) are skipped.
    /// </summary>
    public static DateTimeOffset? ExitTime(string events, Func<IReadOnlyList<string>, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(matches);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in events.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Event(line) is not { } e)
            {
                continue;
            }

            if (e.Kind == "start" && e.Argv is { } argv && matches(argv))
            {
                wanted.Add(e.Sid);
            }
            else if (e.Kind == "exit" && wanted.Contains(e.Sid) && e.Time is { } time)
            {
                return time;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="argv"/> holds <paramref name="words"/> one after another (e.g. "worktree", "add").</summary>
    public static bool HasSequence(IReadOnlyList<string> argv, params string[] words)
    {
        ArgumentNullException.ThrowIfNull(argv);
        ArgumentNullException.ThrowIfNull(words);
        for (int i = 0; i + words.Length <= argv.Count; i++)
        {
            if (words.Select((w, j) => argv[i + j] == w).All(same => same))
            {
                return true;
            }
        }

        return false;
    }

    private static TraceEvent? Event(string line)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("event", out JsonElement kind) || kind.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("sid", out JsonElement sid) || sid.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            DateTimeOffset? time = root.TryGetProperty("time", out JsonElement t) && t.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed)
                    ? parsed
                    : null;
            IReadOnlyList<string>? argv = root.TryGetProperty("argv", out JsonElement a) && a.ValueKind == JsonValueKind.Array
                ? [.. a.EnumerateArray().Select(x => x.GetString() ?? "")]
                : null;
            return new TraceEvent(kind.GetString()!, sid.GetString()!, time, argv);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record TraceEvent(string Kind, string Sid, DateTimeOffset? Time, IReadOnlyList<string>? Argv);
}
