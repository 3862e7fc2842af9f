using YamlDotNet.Serialization;

namespace Mtcopy.Core.Series.Manifest;

/// <summary>
/// <c>manifest.yaml</c> of a series directory: what the series is, which kernels it applies to,
/// how to configure them, which out-of-tree modules it builds and how it is packaged.
/// Read it with <see cref="ManifestLoader"/>, which also validates it.
/// </summary>
public sealed record SeriesManifest
{
    public required SeriesInfo Series { get; init; }

    /// <summary>Supported kernel bases; exactly one is the default.</summary>
    public required IReadOnlyList<KernelBase> Bases { get; init; }

    public required KernelConfigSpec Config { get; init; }

    /// <summary>Out-of-tree modules; may be empty for a kernel-only series.</summary>
    public IReadOnlyList<ModuleSpec> Modules { get; init; } = [];

    /// <summary>Packaging metadata; null when the series is not packaged.</summary>
    public PackagingSpec? Packages { get; init; }

    /// <summary>The base marked <c>default: true</c>.</summary>
    [YamlIgnore]
    public KernelBase DefaultBase => Bases.Single(b => b.Default);

    /// <summary>The base whose <see cref="KernelBase.Id"/> is <paramref name="id"/>, or null.</summary>
    public KernelBase? FindBase(string id) => Bases.FirstOrDefault(b => b.Id == id);
}
