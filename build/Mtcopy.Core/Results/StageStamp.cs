namespace Mtcopy.Core.Results;

/// <summary>
/// What a finished stage leaves behind so that the next run can skip it: the stage key
/// (<see cref="StageFingerprint"/>), the inputs it was computed from (for diagnostics) and
/// the outputs with their hashes.
/// </summary>
public sealed record StageStamp(
    string Stage,
    string Key,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyList<StampedOutput> Outputs);
