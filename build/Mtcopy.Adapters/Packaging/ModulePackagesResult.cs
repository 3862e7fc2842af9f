namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// The prebuilt-module packages written to the output directory (absolute paths): the .deb, the kmod-&lt;name&gt; meta rpm
/// (<see cref="Rpm"/>) and kmod-&lt;name&gt;-&lt;release&gt; with the module (<see cref="KmodRpm"/>).
/// </summary>
public sealed record ModulePackagesResult(string Deb, string Rpm)
{
    public required string KmodRpm { get; init; }

    public IReadOnlyList<string> Packages => [Deb, Rpm, KmodRpm];
}
