namespace Mtcopy.Core.Patching;

/// <summary>A file as git sees it: content bytes (the link target for a symlink) and mode.</summary>
/// <param name="Content">The exact bytes.</param>
/// <param name="Mode">Regular, executable or symlink.</param>
public sealed record FileState(ReadOnlyMemory<byte> Content, GitFileMode Mode);
