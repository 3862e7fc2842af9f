namespace Mtcopy.Core.Sources;

/// <summary>A kernel source tarball (<c>.tar.xz</c>, <c>.tar.gz</c>, <c>.tgz</c>, <c>.tar</c>).</summary>
public sealed record TarballSource(string Path) : KernelSourceSpec
{
    public override string ToArgument() => Path;
}
