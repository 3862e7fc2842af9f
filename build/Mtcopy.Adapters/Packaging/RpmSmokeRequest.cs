using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Inputs of <see cref="RpmPackageSmoke.RunAsync"/>: a scratch directory it owns, the kernel rpm, the
/// prebuilt-module rpm and the DKMS rpm, the module package's values (file list, exact kernel
/// requirement), the DKMS package's source directory, and the log directory.
/// </summary>
public sealed record RpmSmokeRequest(
    string ScratchDir,
    string KernelRpm,
    string ModulesRpm,
    string DkmsRpm,
    ModulePackageModel Modules,
    string DkmsSourceDirectory,
    string LogDir);
