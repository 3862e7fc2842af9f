using Mtcopy.Core.Kernel;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Inputs of <see cref="KernelPackageBuilder.BuildAsync"/>: the built kernel tree (source, O= build
/// directory, ARCH, LOCALVERSION=), what the packages are called, who maintains them, the pinned
/// build environment the kernel was built with, SOURCE_DATE_EPOCH, make -j, where the packages go
/// and where the logs go.
/// </summary>
public sealed record KernelPackagingRequest(
    KbuildTree Tree,
    KernelPackageModel Model,
    PackageMaintainer Maintainer,
    KbuildPinnedEnvironment Pinned,
    long SourceDateEpoch,
    string OutputDir,
    string LogDir)
{
    public int Jobs { get; init; } = 1;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Names of modules that a module package ships (manifest modules[].name, e.g. mtcopy): the kernel packages install
    /// modules from a modules.order without them, swapped in while they pack (<see cref="Mtcopy.Core.Packaging.PackagedModuleOrder"/>), so no two packages carry the module.
    /// </summary>
    public IReadOnlyList<string> LeftOutModules { get; init; } = [];
}
