using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Inputs of <see cref="RpmPackageSmoke.RunAsync"/>: a scratch directory it owns, the kernel rpm, the
/// kmod-&lt;name&gt; meta rpm and kmod-&lt;name&gt;-&lt;release&gt; rpm, the DKMS rpm, the module packages' values
/// (file list, exact kernel requirement), the DKMS package's source directory, and the log directory.
/// </summary>
public sealed record RpmSmokeRequest(
    string ScratchDir,
    string KernelRpm,
    string ModulesRpm,
    string KmodRpm,
    string DkmsRpm,
    ModulePackageModel Modules,
    string DkmsSourceDirectory,
    string LogDir);
