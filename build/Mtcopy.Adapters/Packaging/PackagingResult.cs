namespace Mtcopy.Adapters.Packaging;

/// <summary>The artifacts written to the output directory (absolute paths): the upstream tarball, the Debian source and binary packages, the .rpm.</summary>
public sealed record PackagingResult(string Tarball, DebSourcePackage Debian, string Rpm, string Sha256Sums)
{
    /// <summary>The DKMS .deb.</summary>
    public string Deb => Debian.Deb;

    /// <summary>Tarball, the Debian source package (.dsc, .orig.tar.gz, .debian.tar.xz), .deb and .rpm: what SHA256SUMS lists.</summary>
    public IReadOnlyList<string> Packages => [Tarball, .. Debian.Files, Rpm];
}
