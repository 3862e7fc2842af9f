namespace Mtcopy.Adapters.Packaging;

/// <summary>The prebuilt-module packages written to the output directory (absolute paths).</summary>
public sealed record ModulePackagesResult(string Deb, string Rpm)
{
    public IReadOnlyList<string> Packages => [Deb, Rpm];
}
