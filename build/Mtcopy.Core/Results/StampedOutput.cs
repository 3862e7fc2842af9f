namespace Mtcopy.Core.Results;

/// <summary>An output file a stage produced, with its SHA-256 when the stage finished.</summary>
public sealed record StampedOutput(string Path, string Sha256);
