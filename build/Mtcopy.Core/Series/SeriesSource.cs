using Mtcopy.Core.Series.Manifest;

namespace Mtcopy.Core.Series;

/// <summary>
/// A resolved <c>--series=</c> directory: which patches to apply, in order, and the manifest
/// when there is one. A plain quilt series has no manifest: no bases, config fragments,
/// modules or packaging are known, and the caller must take them from the user.
/// </summary>
public sealed record SeriesSource
{
    /// <summary>File name of the mtcopy manifest inside a series directory.</summary>
    public const string ManifestFileName = "manifest.yaml";

    /// <summary>File name of a quilt series file inside a series directory.</summary>
    public const string QuiltSeriesFileName = "series";

    /// <summary>The directory as the user named it.</summary>
    public required string Directory { get; init; }

    public required SeriesFormat Format { get; init; }

    /// <summary>Patch files relative to <see cref="Directory"/>, in application order.</summary>
    public required IReadOnlyList<string> PatchFiles { get; init; }

    /// <summary>The manifest; null for <see cref="SeriesFormat.Quilt"/>.</summary>
    public SeriesManifest? Manifest { get; init; }
}
