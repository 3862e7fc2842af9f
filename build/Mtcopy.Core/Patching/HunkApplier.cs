namespace Mtcopy.Core.Patching;

/// <summary>
/// Applies text hunks to file content the way git apply does: at the expected line, else at the
/// nearest line where the whole preimage matches (searching outward, later lines first on a tie),
/// else, only when <see cref="ApplyOptions.Fuzz"/> allows, with fewer context lines. A hunk that
/// starts at line 1 must match at the beginning and one without trailing context at the end
/// (unless fuzz is in play). Bytes outside the changed lines are preserved exactly.
/// </summary>
public static class HunkApplier
{
    /// <summary>Applies every hunk in order; failed hunks are skipped and reported.</summary>
    public static TextApplyResult Apply(ReadOnlySpan<byte> content, IReadOnlyList<Hunk> hunks, ApplyOptions options)
    {
        ArgumentNullException.ThrowIfNull(hunks);
        ArgumentNullException.ThrowIfNull(options);
        var image = TextImage.Split(content);
        var results = new List<HunkResult>(hunks.Count);
        for (var i = 0; i < hunks.Count; i++)
        {
            results.Add(ApplyOne(image, hunks[i], i + 1, options));
        }

        return new TextApplyResult(TextImage.Join(image), results);
    }

    private static HunkResult ApplyOne(List<byte[]> image, Hunk hunk, int number, ApplyOptions options)
    {
        var pre = hunk.Lines.Where(l => l.Kind != HunkLineKind.Added).Select(TextImage.Encode).ToList();
        var post = hunk.Lines.Where(l => l.Kind != HunkLineKind.Removed).Select(TextImage.Encode).ToList();
        var leading = hunk.LeadingContext;
        var trailing = hunk.TrailingContext;
        var expected = hunk.NewStart > 0 ? hunk.NewStart - 1 : 0;
        var matchBeginning = hunk.OldStart <= 1;
        var matchEnd = trailing == 0;

        var at = FindPosition(image, pre, expected, matchBeginning, matchEnd);
        if (at >= 0)
        {
            Replace(image, at, pre.Count, post);
            var outcome = at == expected ? HunkOutcome.Clean : HunkOutcome.Offset;
            return new HunkResult(number, outcome, expected + 1, at + 1, at - expected, 0, [], []);
        }

        for (var fuzz = 1; fuzz <= options.Fuzz; fuzz++)
        {
            var dropLead = Math.Min(fuzz, leading);
            var dropTrail = Math.Min(fuzz, trailing);
            if (dropLead == 0 && dropTrail == 0)
            {
                break;
            }

            var fuzzyPre = pre.GetRange(dropLead, pre.Count - dropLead - dropTrail);
            var fuzzyPost = post.GetRange(dropLead, post.Count - dropLead - dropTrail);
            at = FindPosition(image, fuzzyPre, expected + dropLead, matchBeginning: false, matchEnd: false);
            if (at >= 0)
            {
                Replace(image, at, fuzzyPre.Count, fuzzyPost);
                var offset = at - dropLead - expected;
                return new HunkResult(number, HunkOutcome.Fuzz, expected + 1, at - dropLead + 1, offset, fuzz, [], []);
            }
        }

        var actual = image.Skip(expected).Take(pre.Count).Select(TextImage.Display).ToList();
        return new HunkResult(number, HunkOutcome.Failed, expected + 1, null, 0, 0, pre.Select(TextImage.Display).ToList(), actual);
    }

    private static int FindPosition(List<byte[]> image, List<byte[]> pre, int expected, bool matchBeginning, bool matchEnd)
    {
        if (pre.Count > image.Count)
        {
            return -1;
        }

        if (matchBeginning)
        {
            return (!matchEnd || pre.Count == image.Count) && Matches(image, pre, 0) ? 0 : -1;
        }

        var last = image.Count - pre.Count;
        if (matchEnd)
        {
            return Matches(image, pre, last) ? last : -1;
        }

        var start = Math.Clamp(expected, 0, last);
        for (var distance = 0; start + distance <= last || start - distance >= 0; distance++)
        {
            if (start + distance <= last && Matches(image, pre, start + distance))
            {
                return start + distance;
            }

            if (distance > 0 && start - distance >= 0 && Matches(image, pre, start - distance))
            {
                return start - distance;
            }
        }

        return -1;
    }

    private static bool Matches(List<byte[]> image, List<byte[]> pre, int at)
    {
        for (var k = 0; k < pre.Count; k++)
        {
            if (!image[at + k].AsSpan().SequenceEqual(pre[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static void Replace(List<byte[]> image, int at, int count, List<byte[]> replacement)
    {
        image.RemoveRange(at, count);
        image.InsertRange(at, replacement);
    }
}
