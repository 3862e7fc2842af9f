namespace Mtcopy.Core.Bench;

/// <summary>
/// The staged packaging trees the Package stage left (the .deb root and the rpmbuild topdir with its
/// spec), where the bare run writes its .deb, the .rpm rpmbuild writes, and rpmlint's filters.
/// </summary>
public sealed record BarePackagePaths(
    string DebRoot,
    string DebOutput,
    string RpmTopDir,
    string RpmSpec,
    string RpmOutput,
    string? RpmlintConfig,
    long SourceDateEpoch);
