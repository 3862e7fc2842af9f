using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// What one package build works from: the checked model, the module source files, the
/// templates, a scratch directory it may empty and fill, the output directory and where
/// tool logs go (null: no logs).
/// </summary>
public sealed record PackageBuildContext(
    DkmsPackageModel Model,
    IReadOnlyList<TarballFile> ModuleSource,
    PackageTemplateFiles Templates,
    string ScratchDir,
    string OutputDir,
    string? LogDir = null)
{
    internal string? LogPath(string fileName) => LogDir is null ? null : Path.Combine(Path.GetFullPath(LogDir), fileName);
}
