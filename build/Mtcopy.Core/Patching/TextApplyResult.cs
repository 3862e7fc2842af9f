namespace Mtcopy.Core.Patching;

/// <summary>The content after applying the hunks that could be applied, and the outcome of each hunk.</summary>
/// <param name="Content">The patched bytes (failed hunks left out).</param>
/// <param name="Hunks">One result per hunk, in order.</param>
public sealed record TextApplyResult(ReadOnlyMemory<byte> Content, IReadOnlyList<HunkResult> Hunks)
{
    /// <summary>True when no hunk failed.</summary>
    public bool Succeeded => Hunks.All(h => h.Outcome != HunkOutcome.Failed);
}
