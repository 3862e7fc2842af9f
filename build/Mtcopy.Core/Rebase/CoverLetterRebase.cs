using System.Text.RegularExpressions;

namespace Mtcopy.Core.Rebase;

/// <summary>
/// The cover letter of a rebased series: the old one's words with the base named anew, a note of how
/// each patch moved, and the shortlog and diffstat taken from the letter git format-patch generated
/// for the new commits.
/// </summary>
public static partial class CoverLetterRebase
{
    /// <param name="oldCover">The series' current cover letter (0000-cover-letter.patch).</param>
    /// <param name="generatedCover">The one <c>git format-patch --cover-letter</c> wrote for the rebased commits.</param>
    /// <param name="oldBase">How the old letter names its base, e.g. "linux-source-6.12 6.12.117-1~deb12u1 (Linux 6.12.117)".</param>
    /// <param name="newBase">How to name the new base.</param>
    /// <param name="note">A paragraph to add after the base is named (e.g. the outcome of each patch); may be empty.</param>
    public static string Update(string oldCover, string generatedCover, string oldBase, string newBase, string note)
    {
        ArgumentNullException.ThrowIfNull(oldCover);
        ArgumentNullException.ThrowIfNull(generatedCover);
        ArgumentException.ThrowIfNullOrEmpty(oldBase);
        ArgumentNullException.ThrowIfNull(newBase);
        ArgumentNullException.ThrowIfNull(note);
        string text = oldCover.Replace("\r\n", "\n", StringComparison.Ordinal);
        int named = text.IndexOf(oldBase, StringComparison.Ordinal);
        text = text.Replace(oldBase, newBase, StringComparison.Ordinal);
        if (note.Length > 0)
        {
            int at = named >= 0 ? text.IndexOf("\n\n", named, StringComparison.Ordinal) : -1;
            at = at >= 0 ? at : Math.Max(0, text.IndexOf("\n\n", text.IndexOf("\n\n", StringComparison.Ordinal) + 2, StringComparison.Ordinal));
            text = text.Insert(at, "\n\n" + note.TrimEnd('\n'));
        }

        (int oldStart, int oldEnd) = Tail(text);
        (int newStart, int newEnd) = Tail(generatedCover.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (oldStart < 0 || newStart < 0)
        {
            return text;
        }

        string generated = generatedCover.Replace("\r\n", "\n", StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, oldStart), generated.AsSpan(newStart, newEnd - newStart), text.AsSpan(oldEnd));
    }

    /// <summary>The shortlog and diffstat: from the "Author (N):" line to the "-- " signature line (or the end).</summary>
    private static (int Start, int End) Tail(string text)
    {
        Match m = ShortlogHeader().Match(text);
        if (!m.Success)
        {
            return (-1, -1);
        }

        int end = text.IndexOf("\n-- \n", m.Index, StringComparison.Ordinal);
        return (m.Index, end < 0 ? text.Length : end + 1);
    }

    [GeneratedRegex(@"^\S.* \([0-9]+\):$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ShortlogHeader();
}
