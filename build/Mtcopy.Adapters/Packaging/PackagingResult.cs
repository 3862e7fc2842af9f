namespace Mtcopy.Adapters.Packaging;

/// <summary>The artifacts written to the output directory (absolute paths).</summary>
public sealed record PackagingResult(string Tarball, string Deb, string Rpm, string Sha256Sums)
{
    /// <summary>Tarball, .deb and .rpm: what SHA256SUMS lists.</summary>
    public IReadOnlyList<string> Packages => [Tarball, Deb, Rpm];
}
