namespace Mtcopy.Core.Sources;

/// <summary>An existing directory: a git repository (used as is) or a plain tree (copied, then imported).</summary>
public sealed record LocalPathSource(string Path) : KernelSourceSpec
{
    public override string ToArgument() => Path;
}
