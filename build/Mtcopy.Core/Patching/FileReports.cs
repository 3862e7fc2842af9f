namespace Mtcopy.Core.Patching;

/// <summary>
/// Builds a file's <see cref="FileReport"/> from what git apply said about it (<see cref="GitApplyLog"/>):
/// a hunk git names as failed gets the file's outcome (three-way, conflict or failed) and, as
/// evidence, the lines it expected next to the lines the file had there before the patch; a hunk
/// git moved gets its line, offset and fuzz; any other hunk applied cleanly.
/// </summary>
public static class FileReports
{
    /// <summary>The report of <paramref name="file"/>; <paramref name="before"/> holds the file's lines before the patch (for failed hunks).</summary>
    public static FileReport Build(FilePatch file, GitApplyFileLog log, FileOutcome outcome, string? message, IReadOnlyList<string> before)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(before);
        var notes = Attribute(file.Hunks, log.Moved);
        var hunks = file.Hunks
            .Select((h, i) => log.FailedOldLines.Contains(h.OldStart)
                ? Failed(h, i + 1, outcome, before)
                : Moved(h, i + 1, notes.GetValueOrDefault(i + 1)))
            .ToList();
        return new FileReport(file.Path, file.OldPath, file.Kind, outcome, message, hunks);
    }

    private static HunkResult Failed(Hunk hunk, int number, FileOutcome outcome, IReadOnlyList<string> before)
    {
        var expected = hunk.Lines.Where(l => l.Kind != HunkLineKind.Added).Select(l => l.Text).ToList();
        var actual = before.Skip(Math.Max(hunk.OldStart - 1, 0)).Take(expected.Count).ToList();
        var result = outcome switch
        {
            FileOutcome.ThreeWay => HunkOutcome.ThreeWay,
            FileOutcome.Conflict => HunkOutcome.Conflict,
            _ => HunkOutcome.Failed,
        };
        return new HunkResult(number, result, Math.Max(hunk.NewStart, 1), null, 0, 0, expected, actual);
    }

    private static HunkResult Moved(Hunk hunk, int number, HunkNote? note)
    {
        var expected = Math.Max(hunk.NewStart, 1);
        if (note is null)
        {
            return new HunkResult(number, HunkOutcome.Clean, expected, expected, 0, 0, [], []);
        }

        // With reduced context git names where the shortened hunk starts; report where the whole one does.
        var droppedLeading = note.Leading is { } leading ? hunk.LeadingContext - leading : 0;
        var droppedTrailing = note.Trailing is { } trailing ? hunk.TrailingContext - trailing : 0;
        var fuzz = Math.Max(droppedLeading, droppedTrailing);
        var applied = note.Line - droppedLeading;
        var outcome = fuzz > 0 ? HunkOutcome.Fuzz : applied == expected ? HunkOutcome.Clean : HunkOutcome.Offset;
        return new HunkResult(number, outcome, expected, applied, applied - expected, fuzz, [], []);
    }

    /// <summary>
    /// Hunk number -> note. A note without a number (git reduced the context but printed no offset
    /// line) goes to the unnamed hunk whose header line is nearest.
    /// </summary>
    private static Dictionary<int, HunkNote> Attribute(IReadOnlyList<Hunk> hunks, IReadOnlyList<HunkNote> notes)
    {
        var byNumber = notes.Where(n => n.Number is not null).ToDictionary(n => n.Number!.Value);
        foreach (var note in notes.Where(n => n.Number is null))
        {
            var candidates = Enumerable.Range(1, hunks.Count).Where(n => !byNumber.ContainsKey(n)).ToList();
            if (candidates.Count > 0)
            {
                var nearest = candidates.MinBy(n => Math.Abs(hunks[n - 1].NewStart - note.Line));
                byNumber[nearest] = note;
            }
        }

        return byNumber;
    }
}
