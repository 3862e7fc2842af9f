namespace Mtcopy.Adapters.Packaging;

/// <summary>A configured, modules_prepare'd unpatched kernel build directory and its release; Reused when an earlier run's was up to date.</summary>
public sealed record UnpatchedKernel(string BuildDir, string Release, bool Reused);
