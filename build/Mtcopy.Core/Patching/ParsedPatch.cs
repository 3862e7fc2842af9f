namespace Mtcopy.Core.Patching;

/// <summary>A series entry with its diff parsed.</summary>
/// <param name="Input">The patch as handed in.</param>
/// <param name="Files">The file patches, in the order of the diff.</param>
public sealed record ParsedPatch(PatchInput Input, IReadOnlyList<FilePatch> Files);
