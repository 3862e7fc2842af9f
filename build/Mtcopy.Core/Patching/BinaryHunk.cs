namespace Mtcopy.Core.Patching;

/// <summary>One decoded (base85 + zlib) hunk of a "GIT binary patch".</summary>
/// <param name="Kind">Literal content or delta.</param>
/// <param name="Data">The inflated bytes: the literal content, or the delta instructions.</param>
public sealed record BinaryHunk(BinaryHunkKind Kind, ReadOnlyMemory<byte> Data);
