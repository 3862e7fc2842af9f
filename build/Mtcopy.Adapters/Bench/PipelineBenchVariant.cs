namespace Mtcopy.Adapters.Bench;

/// <summary>
/// One built config variant for the overhead bench: how it was configured (a make target such as
/// tinyconfig, or a full .config file), its build directory in the real output directory and where
/// the scratch run's stages put theirs, and the smoke boot's timeout.
/// </summary>
public sealed record PipelineBenchVariant(
    string Name,
    string Arch,
    string? BaseTarget,
    string? BaseConfigFile,
    string RealBuildDir,
    string ScratchBuildDir,
    string ScratchSmokeDir,
    TimeSpan SmokeTimeout);
