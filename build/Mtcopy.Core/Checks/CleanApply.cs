using Mtcopy.Core.Results;

namespace Mtcopy.Core.Checks;

/// <summary>
/// CheckSeries' first check: every patch applied clean (no offset, fuzz or three-way), which is what
/// <c>git am</c> needs. It judges the outcomes Apply recorded with its state for this output directory,
/// so a run whose Apply was skipped as unchanged still checks the apply that made the tree.
/// </summary>
public static class CleanApply
{
    /// <summary>The problems: none when every one of <paramref name="patchCount"/> patches applied clean.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<PatchRecord>? outcomes, int patchCount)
    {
        if (outcomes is null)
        {
            return ["Apply recorded no per-patch outcome for this output directory: "
                + "run ./build.sh --target=Apply, then ./build.sh --target=CheckSeries"];
        }

        var problems = new List<string>();
        if (outcomes.Count != patchCount)
        {
            problems.Add($"Apply recorded {outcomes.Count} patch outcomes for a series of {patchCount} patches");
        }

        problems.AddRange(outcomes.Where(p => p.Outcome != "clean").Select(p => $"{p.Patch}: applied {p.Outcome}, not clean"));
        return problems;
    }
}
