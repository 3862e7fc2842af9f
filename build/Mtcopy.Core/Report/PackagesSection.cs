namespace Mtcopy.Core.Report;

/// <summary>The packages (and the other files the run recorded): name, size, sha256, lint result and a relative link.</summary>
public sealed record PackagesSection(bool Present, string Absent, IReadOnlyList<PackageView> Packages, IReadOnlyList<PackageView> Others);

/// <summary>One file: <see cref="Href"/> is empty when the file is no longer there.</summary>
public sealed record PackageView(string Name, string Href, string Size, string Sha256, ReportBadge Lint);
