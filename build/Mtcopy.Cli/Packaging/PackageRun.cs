using Mtcopy.Cli.Stages;
using Mtcopy.Core.Packaging;
using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Cli.Packaging;

/// <summary>
/// One Package run as its package families see it (<see cref="KernelPackaging"/>, <see cref="ModulePackaging"/>,
/// <see cref="PackageSmoke"/>): the stage's context, the manifest, the DKMS packages' model (names and the packages'
/// SOURCE_DATE_EPOCH), the signing key (null: not signed), the Build stage's state, and where the packages, the scratch
/// files and the logs go.
/// </summary>
internal sealed record PackageRun(StageContext Context, SeriesManifest Manifest, DkmsPackageModel Dkms, ModuleSigningKey? Key, BuildState Built,
    string OutDir, string ScratchDir, string LogDir)
{
    public IPackagers Packagers => Context.Packagers;

    /// <summary>
    /// The story of packaging/README.md: the kernel packages carry the core, each module comes from exactly one module
    /// package (DKMS or prebuilt), so the kernel packages install every module but the manifest's (PackagedModuleOrder).
    /// </summary>
    public IReadOnlyList<string> LeftOutModules => [.. Manifest.Modules.Select(m => m.Name)];
}
