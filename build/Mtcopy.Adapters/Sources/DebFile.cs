namespace Mtcopy.Adapters.Sources;

/// <summary>A .deb on disk and the exact package version it holds.</summary>
internal sealed record DebFile(string Path, string Version);
