namespace Mtcopy.Core.Series;

/// <summary>How a series directory describes its patches.</summary>
public enum SeriesFormat
{
    /// <summary><c>manifest.yaml</c>: patches plus bases, config, modules and packaging.</summary>
    Manifest,

    /// <summary>A quilt <c>series</c> file only: patches, nothing else.</summary>
    Quilt,
}
