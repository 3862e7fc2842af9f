namespace Mtcopy.Core.Sources;

/// <summary><c>debian:6.12</c>: the Debian <c>linux-source-&lt;series&gt;</c> package.</summary>
public sealed record DebianPackageSource(string Series) : KernelSourceSpec
{
    public override string ToArgument() => DebianPrefix + Series;
}
