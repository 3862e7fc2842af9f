namespace Mtcopy.Adapters.Packaging;

/// <summary>What dpkg-buildpackage made of the DKMS source package, in the output directory (absolute paths).</summary>
public sealed record DebSourcePackage(string Dsc, string OrigTarball, string DebianTarball, string Deb)
{
    public IReadOnlyList<string> Files => [Dsc, OrigTarball, DebianTarball, Deb];
}
