namespace Mtcopy.Core.Series.Manifest;

/// <summary>One entry of <c>bases:</c>, a kernel the series is maintained against.</summary>
public sealed record KernelBase
{
    /// <summary>How <c>--kernel=</c> names it: <c>debian:&lt;major&gt;.&lt;minor&gt;</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Debian source package, e.g. <c>linux-source-6.12</c>.</summary>
    public required string Package { get; init; }

    /// <summary>Exact Debian package version pinned, e.g. <c>6.12.117-1~deb12u1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>Debian suite to fetch from, e.g. <c>bookworm-security</c>; optional.</summary>
    public string? Suite { get; init; }

    /// <summary>Upstream kernel version of that package, e.g. <c>6.12.117</c>.</summary>
    public required string Kernel { get; init; }

    /// <summary>Exact kernel versions the series was tested on.</summary>
    public IReadOnlyList<string> Tested { get; init; } = [];

    /// <summary>True for the base used when <c>--kernel=</c> is not given.</summary>
    public bool Default { get; init; }

    /// <summary>
    /// The directory, relative to the manifest's and inside it (e.g. <c>linux-7.2</c>), holding the
    /// variant of the series maintained for this base; null when the manifest's own series is the one
    /// for it. The matrix applies both to this base and requires the variant to pass.
    /// </summary>
    public string? Series { get; init; }
}
