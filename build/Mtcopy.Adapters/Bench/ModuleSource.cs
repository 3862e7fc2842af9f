namespace Mtcopy.Adapters.Bench;

/// <summary>An external module of the series: its name and its source directory.</summary>
public sealed record ModuleSource(string Name, string SourceDir);
