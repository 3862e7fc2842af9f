namespace Mtcopy.Core.Packaging;

/// <summary>
/// What the package smoke showed: every check in order, the scratch root's listings before
/// installing and after removing (both relative, sorted), and the module DKMS built (a copy),
/// when it built one.
/// </summary>
public sealed record PackageSmokeReport(
    IReadOnlyList<PackageSmokeCheck> Checks,
    IReadOnlyList<string> ListingBefore,
    IReadOnlyList<string> ListingAfter,
    string? DkmsModulePath)
{
    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Ok);

    public IEnumerable<PackageSmokeCheck> Failures => Checks.Where(c => !c.Ok);

    /// <summary>One line per check.</summary>
    public string Describe() => string.Join("\n", Checks.Select(c => c.ToString()));
}
