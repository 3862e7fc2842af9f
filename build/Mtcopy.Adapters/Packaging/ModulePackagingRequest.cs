using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// Inputs of <see cref="ModulePackageBuilder.BuildAsync"/>: the package values, the module as built
/// (signed already when it is to be), the repository checkout holding the templates, where the
/// packages go, a scratch directory the builder owns, and the log directory.
/// </summary>
public sealed record ModulePackagingRequest(
    ModulePackageModel Model,
    string ModulePath,
    string RepositoryRoot,
    string OutputDir,
    string ScratchDir,
    string? LogDir = null);
