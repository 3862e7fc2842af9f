namespace Mtcopy.Core.Patching;

/// <summary>A path in a patch that would write outside the tree or into git's own data.</summary>
/// <param name="PatchNumber">1-based position of the patch in the series.</param>
/// <param name="PatchName">The patch's name.</param>
/// <param name="Path">The offending path as written in the patch.</param>
/// <param name="Reason">Why it is refused.</param>
public sealed record PathViolation(int PatchNumber, string PatchName, string Path, string Reason);
