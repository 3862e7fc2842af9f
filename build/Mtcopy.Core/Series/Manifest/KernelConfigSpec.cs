namespace Mtcopy.Core.Series.Manifest;

/// <summary>The <c>config:</c> section: how the kernel <c>.config</c> is made.</summary>
public sealed record KernelConfigSpec
{
    /// <summary>Kernel architecture (<c>x86_64</c>, <c>arm64</c>, ...).</summary>
    public required string Arch { get; init; }

    /// <summary>Make target that creates the starting <c>.config</c> (<c>tinyconfig</c>, <c>defconfig</c>...).</summary>
    public required string Base { get; init; }

    /// <summary>Named config fragments, paths relative to the manifest's directory.</summary>
    public required IReadOnlyDictionary<string, string> Fragments { get; init; }

    /// <summary>Name of the fragment used when none is chosen.</summary>
    public required string Default { get; init; }
}
