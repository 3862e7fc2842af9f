namespace Mtcopy.Core.Report;

/// <summary>The guest: per config, every KTAP case as a grid, failing ones first, and the console's tail when it failed.</summary>
public sealed record GuestSection(bool Present, string Absent, IReadOnlyList<GuestConfigView> Configs);

/// <summary>One config's guest run.</summary>
/// <param name="Name">The config.</param>
/// <param name="Badge">Its verdict.</param>
/// <param name="Summary">Counts in words.</param>
/// <param name="Cases">Every case, failing ones first, then skipped, then passed.</param>
/// <param name="Failures">The failing cases with their diagnostics.</param>
/// <param name="ConsoleTail">The console's last lines when the config failed; empty otherwise.</param>
/// <param name="Files">Links to its KTAP, console and JUnit files.</param>
public sealed record GuestConfigView(
    string Name,
    ReportBadge Badge,
    string Summary,
    IReadOnlyList<GuestCaseView> Cases,
    IReadOnlyList<GuestCaseView> Failures,
    IReadOnlyList<string> ConsoleTail,
    IReadOnlyList<FileLink> Files);

/// <summary>One KTAP case: its full name, outcome and diagnostics.</summary>
public sealed record GuestCaseView(string Name, ReportBadge Badge, IReadOnlyList<string> Diagnostics);

/// <summary>A relative link to a file of the output directory that exists.</summary>
public sealed record FileLink(string Label, string Href);
