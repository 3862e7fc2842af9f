namespace Mtcopy.Adapters.Kernel;

/// <summary>An external module of the series: its name (<c>&lt;Name&gt;.ko</c>), its source and the scratch directory it is built in.</summary>
public sealed record ModuleToBuild(string Name, string SourceDir, string ScratchDir);
