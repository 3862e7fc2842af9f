using System.Text.Json.Serialization;

namespace Mtcopy.Core.Patching;

/// <summary>The outcome of one hunk, with the evidence for a failure.</summary>
/// <param name="Number">1-based number of the hunk within its file.</param>
/// <param name="Outcome">Clean, offset, fuzz, three-way, conflict or failed.</param>
/// <param name="ExpectedLine">1-based line where the patch expected the hunk.</param>
/// <param name="AppliedLine">1-based line where it was applied; null when it was not applied directly.</param>
/// <param name="Offset">AppliedLine - ExpectedLine (0 unless applied at an offset).</param>
/// <param name="Fuzz">Context lines ignored at each end (0 unless fuzzed).</param>
/// <param name="ExpectedLines">For a failed hunk: the lines the patch expects (context and removed).</param>
/// <param name="ActualLines">For a failed hunk: the lines actually found at <paramref name="ExpectedLine"/>.</param>
public sealed record HunkResult(
    int Number,
    HunkOutcome Outcome,
    int ExpectedLine,
    int? AppliedLine,
    int Offset,
    int Fuzz,
    IReadOnlyList<string> ExpectedLines,
    IReadOnlyList<string> ActualLines)
{
    /// <summary>True when the hunk is in the result without conflict.</summary>
    [JsonIgnore]
    public bool IsApplied => Outcome is HunkOutcome.Clean or HunkOutcome.Offset or HunkOutcome.Fuzz or HunkOutcome.ThreeWay;
}
