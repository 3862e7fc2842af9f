namespace Mtcopy.Core.Results;

/// <summary>Whether a stage may be skipped, and why (shown to the user either way).</summary>
public sealed record SkipVerdict(bool Skip, string Reason);
