namespace Mtcopy.Core.Packaging;

/// <summary>A file for <see cref="SourceTarball"/>: '/'-separated path below the tarball's top directory.</summary>
public sealed record TarballFile(string RelativePath, ReadOnlyMemory<byte> Content, bool Executable = false);
