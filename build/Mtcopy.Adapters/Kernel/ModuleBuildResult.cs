namespace Mtcopy.Adapters.Kernel;

/// <summary>The scratch directory the module was built in and the .ko files found there (sorted).</summary>
public sealed record ModuleBuildResult(string ModuleDir, IReadOnlyList<string> Modules, string LogPath, TimeSpan Duration);
