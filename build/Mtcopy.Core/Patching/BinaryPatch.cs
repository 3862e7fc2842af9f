namespace Mtcopy.Core.Patching;

/// <summary>
/// The binary part of a file patch. <see cref="Forward"/> is null for "Binary files a/x and b/y differ"
/// (no data: only applicable when the postimage blob is already known).
/// </summary>
/// <param name="Forward">Old -> new hunk, or null when the patch carries no data.</param>
/// <param name="Reverse">New -> old hunk, if present (not needed to apply).</param>
public sealed record BinaryPatch(BinaryHunk? Forward, BinaryHunk? Reverse);
