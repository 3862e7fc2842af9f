using System.Globalization;

namespace Mtcopy.Core.Patching;

/// <summary>
/// Reads what "git apply -v" (git 2.39, LC_ALL=C) writes to standard error, one block per
/// "Checking patch X..." line, in the order of the patch's files. Only what the report needs:
/// hunks that moved ("Hunk #2 succeeded at 35 (offset 3 lines).", "Context reduced to (2/2) to
/// apply fragment at 21"), hunks that failed ("error: patch failed: f.c:17", after the
/// "error: while searching for:" block), a missing preimage for three-way, and any other error.
/// Clean hunks print nothing.
/// </summary>
public static class GitApplyLog
{
    private const string Checking = "Checking patch ";
    private const string Error = "error: ";
    private const string Searching = "error: while searching for:";
    private const string PatchFailed = "error: patch failed: ";

    /// <summary>One <see cref="GitApplyFileLog"/> per "Checking patch" block.</summary>
    public static IReadOnlyList<GitApplyFileLog> Parse(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var files = new List<GitApplyFileLog>();
        var lines = stderr.Split('\n');
        int? lastHunk = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith(Checking, StringComparison.Ordinal))
            {
                files.Add(new GitApplyFileLog());
                lastHunk = null;
                continue;
            }

            if (files.Count == 0)
            {
                continue;
            }

            var file = files[^1];
            if (line.StartsWith(Searching, StringComparison.Ordinal))
            {
                // The preimage follows verbatim (it may hold any text) up to "error: patch failed".
                while (i + 1 < lines.Length && !lines[i + 1].StartsWith(PatchFailed, StringComparison.Ordinal))
                {
                    i++;
                }
            }
            else if (line.StartsWith(PatchFailed, StringComparison.Ordinal))
            {
                file.FailedOldLines.Add(Number(line[(line.LastIndexOf(':') + 1)..]));
                lastHunk = null;
            }
            else if (TryHunkSucceeded(line, out var number, out var at))
            {
                file.Moved.Add(new HunkNote(number, at, null, null));
                lastHunk = number;
            }
            else if (TryContextReduced(line, out var leading, out var trailing, out var fragmentAt))
            {
                file.Moved.RemoveAll(n => lastHunk is not null && n.Number == lastHunk);
                file.Moved.Add(new HunkNote(lastHunk, fragmentAt, leading, trailing));
                lastHunk = null;
            }
            else if (line.Contains("lacks the necessary blob", StringComparison.Ordinal))
            {
                file.MissingPreimage = true;
            }
            else if (line.StartsWith(Error, StringComparison.Ordinal) && !line.EndsWith(": patch does not apply", StringComparison.Ordinal))
            {
                file.Errors.Add(line[Error.Length..]);
            }
        }

        return files;
    }

    private static bool TryHunkSucceeded(string line, out int number, out int at)
    {
        // "Hunk #1 succeeded at 21 (offset 5 lines)."
        number = at = 0;
        const string Prefix = "Hunk #";
        const string Middle = " succeeded at ";
        var middle = line.IndexOf(Middle, StringComparison.Ordinal);
        if (!line.StartsWith(Prefix, StringComparison.Ordinal) || middle < 0)
        {
            return false;
        }

        number = Number(line[Prefix.Length..middle]);
        at = Number(line[(middle + Middle.Length)..].Split(' ')[0]);
        return true;
    }

    private static bool TryContextReduced(string line, out int leading, out int trailing, out int at)
    {
        // "Context reduced to (2/2) to apply fragment at 21"
        leading = trailing = at = 0;
        const string Prefix = "Context reduced to (";
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var close = line.IndexOf(')', StringComparison.Ordinal);
        var pair = line[Prefix.Length..close].Split('/');
        leading = Number(pair[0]);
        trailing = Number(pair[1]);
        at = Number(line[(line.LastIndexOf(' ') + 1)..]);
        return true;
    }

    private static int Number(string text) => int.Parse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
}
