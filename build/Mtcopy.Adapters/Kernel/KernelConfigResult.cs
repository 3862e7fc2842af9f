namespace Mtcopy.Adapters.Kernel;

/// <summary>The final, verified <c>&lt;O&gt;/.config</c> and its SHA-256.</summary>
public sealed record KernelConfigResult(string ConfigPath, string Sha256, string LogPath);
