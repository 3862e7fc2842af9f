using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Inputs of <see cref="DkmsPackager.BuildAsync"/>: the DKMS packages' model, the repository checkout
/// holding templates/ and packaging/, the module source (kmod-src), where the artifacts go,
/// a scratch directory the packager owns (emptied subdirectories deb/ and rpm/), and the log directory.
/// </summary>
public sealed record PackagingRequest(
    DkmsPackageModel Model,
    string RepositoryRoot,
    string ModuleSourceDir,
    string OutputDir,
    string ScratchDir,
    string? LogDir = null);
