namespace Mtcopy.Core.Patching;

/// <summary>
/// One word per patch for reports and the compatibility matrix: how hard applying it was,
/// from its worst hunk: clean, offset, fuzz, three-way, conflict (or not-attempted).
/// </summary>
public static class PatchVerdict
{
    public static string Of(PatchReport patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (patch.Outcome == PatchOutcome.NotAttempted)
        {
            return "not-attempted";
        }

        var hunks = patch.Files.SelectMany(f => f.Hunks).Select(h => h.Outcome).ToList();
        if (patch.Outcome == PatchOutcome.Stopped || hunks.Any(h => h is HunkOutcome.Conflict or HunkOutcome.Failed))
        {
            return "conflict";
        }

        return hunks.Contains(HunkOutcome.ThreeWay) ? "three-way"
            : hunks.Contains(HunkOutcome.Fuzz) ? "fuzz"
            : hunks.Contains(HunkOutcome.Offset) ? "offset"
            : "clean";
    }
}
