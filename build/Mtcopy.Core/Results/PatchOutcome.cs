namespace Mtcopy.Core.Results;

/// <summary>
/// How one patch of the series applied. <paramref name="Outcome"/> is a short word chosen by
/// the applier (e.g. "applied", "offset", "three-way", "conflict"); <paramref name="Applied"/>
/// says whether it counts as a success.
/// </summary>
public sealed record PatchOutcome(string Patch, bool Applied, string Outcome, string? Commit = null, string? Message = null);
