using System.Text.Json.Serialization;

namespace Mtcopy.Core.Patching;

/// <summary>The per-patch, per-file, per-hunk account of applying a series.</summary>
/// <param name="Patches">One report per patch of the series, in order.</param>
public sealed record SeriesReport(IReadOnlyList<PatchReport> Patches)
{
    /// <summary>True when every patch was applied.</summary>
    [JsonIgnore]
    public bool Succeeded => Patches.All(p => p.Outcome == PatchOutcome.Applied);

    /// <summary>The patch the series stopped at, if any.</summary>
    [JsonIgnore]
    public PatchReport? StoppedAt => Patches.FirstOrDefault(p => p.Outcome == PatchOutcome.Stopped);
}
