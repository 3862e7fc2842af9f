namespace Mtcopy.Core.Report;

/// <summary>The run: its verdict, what went in (with hashes), the command that reproduces it, and what failed.</summary>
public sealed record RunOverview(
    string RunId,
    string ToolVersion,
    ReportBadge Verdict,
    string CommandLine,
    string Started,
    string Finished,
    string Duration,
    IReadOnlyList<ReportField> Inputs,
    IReadOnlyList<string> Failures);

/// <summary>A name and its value, e.g. an input and its sha256.</summary>
public sealed record ReportField(string Name, string Value);
