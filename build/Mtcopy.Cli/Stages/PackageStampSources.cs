using Mtcopy.Core.Packaging;

namespace Mtcopy.Cli.Stages;

/// <summary>Everything that changes the packages, as paths to hash and values: the inputs of <see cref="PackageStamp"/>.</summary>
public sealed record PackageStampSources
{
    /// <summary>The series manifest (names, versions, maintainer, the packages section, the module's requirements).</summary>
    public required string Manifest { get; init; }

    /// <summary>The template directories (DKMS, .deb, .rpm, lint overrides).</summary>
    public required IReadOnlyList<string> TemplateDirs { get; init; }

    /// <summary>Our packaging code (files or directories): a change to how packages are made makes them again.</summary>
    public required IReadOnlyList<string> CodePaths { get; init; }

    /// <summary>The module's out-of-tree source (kmod-src), which the DKMS packages carry.</summary>
    public required string ModuleSource { get; init; }

    /// <summary>The built kernel's files the kernel and module packages are made from; empty when the default config was not built.</summary>
    public required IReadOnlyList<string> KernelFiles { get; init; }

    public string? KernelRelease { get; init; }

    public required long SourceDateEpoch { get; init; }

    /// <summary>The unpatched base the DKMS package must decline.</summary>
    public required string BaseCommit { get; init; }

    /// <summary>The default config's fragments, which the unpatched kernel is configured with.</summary>
    public required string FragmentText { get; init; }

    public ModuleSigningKey? SigningKey { get; init; }

    /// <summary>The installed versions of the packaging tools, as one text.</summary>
    public required string ToolVersions { get; init; }
}
