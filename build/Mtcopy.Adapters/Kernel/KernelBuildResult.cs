using Mtcopy.Core.Kernel;

namespace Mtcopy.Adapters.Kernel;

/// <summary>A finished kernel build: its build dir, log, wall time and the kernel release it reports (if any).</summary>
public sealed record KernelBuildResult(string BuildDir, string LogPath, TimeSpan Duration, KernelRelease? Release);
