using System.Globalization;
using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Matrix;

/// <summary>Turns the applier's report into matrix verdicts and conflict records.</summary>
public static class MatrixConflicts
{
    /// <summary>One verdict word per patch (<see cref="PatchVerdict.Of"/>), in series order.</summary>
    public static IReadOnlyList<string> Verdicts(SeriesReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Patches.Select(PatchVerdict.Of)];
    }

    /// <summary>
    /// Every hunk that conflicted or failed, and every file that failed without hunks (missing,
    /// binary mismatch...). <paramref name="fileAtBase"/> returns a file's text at the base (null
    /// when it does not exist); it is used to name the identifiers a hunk expects that the file
    /// lacks, which is usually the real reason (e.g. a function the series builds on). <paramref name="series"/>,
    /// when given, supplies each hunk's section (the function named in its header), which is scanned too.
    /// </summary>
    public static IReadOnlyList<MatrixConflict> From(SeriesReport report, Func<string, string?> fileAtBase, IReadOnlyList<PatchInput>? series = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(fileAtBase);
        IReadOnlyList<ParsedPatch>? parsed = series is null ? null : SeriesParser.Parse(series);
        var conflicts = new List<MatrixConflict>();
        foreach (PatchReport patch in report.Patches.Where(p => p.Outcome == PatchOutcome.Stopped))
        {
            foreach (FileReport file in patch.Files)
            {
                var bad = file.Hunks.Where(h => h.Outcome is HunkOutcome.Conflict or HunkOutcome.Failed).ToList();
                if (bad.Count == 0 && file.Outcome is FileOutcome.Conflict or FileOutcome.Failed)
                {
                    conflicts.Add(new MatrixConflict(patch.Number, patch.Name, file.Path, 0, 0, "",
                        file.Message ?? (file.Outcome == FileOutcome.Conflict ? "three-way merge left conflict markers" : "the file could not be patched"), [], [], []));
                    continue;
                }

                string? text = bad.Count > 0 ? fileAtBase(file.OldPath ?? file.Path) : null;
                FilePatch? filePatch = parsed is not null && patch.Number <= parsed.Count
                    ? parsed[patch.Number - 1].Files.FirstOrDefault(f => f.Path == file.Path)
                    : null;
                foreach (HunkResult hunk in bad)
                {
                    string section = filePatch is not null && hunk.Number <= filePatch.Hunks.Count ? filePatch.Hunks[hunk.Number - 1].Section.Trim() : "";
                    conflicts.Add(new MatrixConflict(patch.Number, patch.Name, file.Path, hunk.Number, hunk.ExpectedLine, section,
                        Reason(hunk, section, text), hunk.ExpectedLines, hunk.ActualLines,
                        text is null ? [] : IdentifierScan.Missing([section, .. hunk.ExpectedLines], text)));
                }
            }
        }

        return conflicts;
    }

    /// <summary>
    /// One line per patch that did not apply: how many hunks of which files, and the identifiers the base
    /// lacks (functions the hunk headers name first, then the most frequent): the likely reason, an API
    /// the series builds on.
    /// </summary>
    public static IReadOnlyList<string> Summary(MatrixRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [.. row.Conflicts.GroupBy(c => (c.PatchNumber, c.Patch)).Select(g =>
        {
            string files = string.Join(", ", g.GroupBy(c => c.File).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Count()} in {f.Key}")));
            // Functions named in hunk headers first: a hunk inside a function the base does not have says the most.
            var lacks = g.SelectMany(c => c.Missing.Select(m => (Name: m, InSection: c.Section.Contains(m, StringComparison.Ordinal))))
                .GroupBy(m => m.Name, StringComparer.Ordinal)
                .OrderByDescending(m => m.Any(x => x.InSection)).ThenByDescending(m => m.Count()).ThenBy(m => m.Key, StringComparer.Ordinal)
                .Select(m => m.Key).Take(8).ToList();
            return string.Create(CultureInfo.InvariantCulture, $"patch {g.Key.PatchNumber} ({g.Key.Patch}) does not apply: {g.Count()} hunk(s) fail ({files})")
                + (lacks.Count > 0 ? $"; the base lacks {string.Join(", ", lacks)}" : "");
        })];
    }

    /// <summary>Why a hunk did not apply: the identifiers its context needs that the file does not have, else a line mismatch.</summary>
    public static string Reason(HunkResult hunk, string section, string? fileText)
    {
        ArgumentNullException.ThrowIfNull(hunk);
        string how = hunk.Outcome == HunkOutcome.Conflict ? "the three-way merge left conflict markers" : "no three-way merge was possible";
        if (fileText is null)
        {
            return $"the file does not exist in this base; {how}";
        }

        ArgumentNullException.ThrowIfNull(section);
        IReadOnlyList<string> missing = IdentifierScan.Missing([section, .. hunk.ExpectedLines], fileText);
        if (missing.Count > 0)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the base lacks {string.Join(", ", missing.Take(5))} (named by the hunk{(section.Length > 0 ? " header and context" : "'s context")}, absent from the file); {how}");
        }

        int differing = hunk.ExpectedLines.Zip(hunk.ActualLines).Count(p => !string.Equals(p.First.Trim(), p.Second.Trim(), StringComparison.Ordinal))
            + Math.Abs(hunk.ExpectedLines.Count - hunk.ActualLines.Count);
        return string.Create(CultureInfo.InvariantCulture,
            $"the context differs ({differing} of {hunk.ExpectedLines.Count} expected lines do not match at line {hunk.ExpectedLine}); {how}");
    }
}
