namespace Mtcopy.Core.Results;

/// <summary>
/// The recorded result of one patch of the series (apply.json; <see cref="Patching.PatchOutcome"/> is the applier's own verdict). <paramref name="Outcome"/> is a short word chosen by
/// the applier (e.g. "applied", "offset", "three-way", "conflict"); <paramref name="Applied"/>
/// says whether it counts as a success.
/// </summary>
public sealed record PatchRecord(string Patch, bool Applied, string Outcome, string? Commit = null, string? Message = null);
