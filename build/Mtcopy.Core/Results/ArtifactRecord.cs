namespace Mtcopy.Core.Results;

/// <summary>A file a run produced: path relative to the output directory ('/' separated), size and SHA-256.</summary>
public sealed record ArtifactRecord(string Path, long Size, string Sha256);
