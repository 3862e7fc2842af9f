using Mtcopy.Core.Packaging;
using Mtcopy.Core.Results;

namespace Mtcopy.Core.Report;

/// <summary>
/// The packages section from metadata.json's artifacts and the Package stage's <c>lint/&lt;file&gt;</c> details:
/// files under packages/ first, then the other files the run recorded.
/// </summary>
public static class PackagesView
{
    public const string LintPrefix = "lint/";

    public static PackagesSection Build(RunMetadata metadata, Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(fileExists);
        IReadOnlyDictionary<string, string> lint = metadata.Stages.FirstOrDefault(s => s.Name == "package")?.Details ?? new Dictionary<string, string>();
        var packages = metadata.Artifacts.Where(a => a.Path.StartsWith("packages/", StringComparison.Ordinal)).ToList();
        var others = metadata.Artifacts.Where(a => !a.Path.StartsWith("packages/", StringComparison.Ordinal)).ToList();
        if (packages.Count == 0 && others.Count == 0)
        {
            return new PackagesSection(false, "This run recorded no packages or other files (Package did not run, or was skipped).", [], []);
        }

        return new PackagesSection(true, "",
            [.. packages.Select(a => View(a, fileExists, Lint(lint, a.Path)))],
            [.. others.Select(a => View(a, fileExists, ReportBadge.Skip("not a package")) with { Name = a.Path })]);
    }

    private static ReportBadge Lint(IReadOnlyDictionary<string, string> lint, string path)
    {
        string name = path[(path.LastIndexOf('/') + 1)..];
        if (name == ChecksumFile.Sha256SumsFileName)
        {
            return ReportBadge.Skip("checksums");
        }

        return lint.GetValueOrDefault(LintPrefix + name) switch
        {
            "PASSED" => ReportBadge.Pass("lint clean"),
            "FAILED" => ReportBadge.Fail("lint failed"),
            "SKIPPED" => ReportBadge.Fail("linter missing"),
            _ => ReportBadge.Skip("not linted"),
        };
    }

    private static PackageView View(ArtifactRecord artifact, Func<string, bool> fileExists, ReportBadge lint) =>
        new(artifact.Path[(artifact.Path.LastIndexOf('/') + 1)..], fileExists(artifact.Path) ? artifact.Path : "",
            RunSummaryRenderer.FormatSize(artifact.Size), artifact.Sha256, lint);
}
