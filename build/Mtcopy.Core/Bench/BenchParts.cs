using Mtcopy.Core;

namespace Mtcopy.Core.Bench;

/// <summary>
/// The parts of a bench run, in the order they run: the cheap and harmless first, the no-change
/// re-run last (it rewrites the output directory's metadata.json).
/// </summary>
public static class BenchParts
{
    public const string Apply = "apply";
    public const string Guest = "guest";
    public const string Pipeline = "pipeline";
    public const string Rerun = "rerun";

    public static IReadOnlyList<string> All { get; } = [Apply, Guest, Pipeline, Rerun];

    /// <summary>A comma-separated selection such as "guest,apply" in run order; null or blank means all.</summary>
    /// <exception cref="UserErrorException">An unknown part name.</exception>
    public static IReadOnlyList<string> Parse(string? selection)
    {
        if (string.IsNullOrWhiteSpace(selection))
        {
            return All;
        }

        string[] names = selection.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] unknown = [.. names.Where(n => !All.Contains(n, StringComparer.Ordinal))];
        if (unknown.Length > 0 || names.Length == 0)
        {
            throw new UserErrorException($"'{selection}' does not name bench parts; use a comma-separated list of {string.Join(", ", All)}.");
        }

        return [.. All.Where(p => names.Contains(p, StringComparer.Ordinal))];
    }
}
