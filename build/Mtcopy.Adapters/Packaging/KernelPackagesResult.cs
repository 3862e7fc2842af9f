namespace Mtcopy.Adapters.Packaging;

/// <summary>The kernel packages written to the output directory (absolute paths) and how long each target took.</summary>
public sealed record KernelPackagesResult(IReadOnlyList<string> Debs, IReadOnlyList<string> Rpms, TimeSpan DebDuration, TimeSpan RpmDuration)
{
    public IReadOnlyList<string> Packages => [.. Debs, .. Rpms];
}
