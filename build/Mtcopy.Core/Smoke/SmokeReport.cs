using System.Globalization;
using Mtcopy.Core.Results;

namespace Mtcopy.Core.Smoke;

/// <summary>
/// The outcome of one smoke guest run: verdict and one-line summary, the parsed KTAP tree, the
/// failed tests' full names, the console's last lines when the guest hung, panicked or gave no
/// complete verdict, the console's alarming lines, and durations.
/// </summary>
public sealed record SmokeReport(string ConfigName, SmokeVerdict Verdict, string Summary)
{
    public KtapDocument Ktap { get; init; } = new();

    public IReadOnlyList<KtapTest> Tests => Ktap.Tests;

    public IReadOnlyList<string> FailedNames { get; init; } = [];

    /// <summary>The last console lines; empty unless the verdict is Incomplete, Timeout or Panic.</summary>
    public IReadOnlyList<string> ConsoleTail { get; init; } = [];

    /// <summary>Console lines with Oops, BUG, WARNING, Call Trace or a panic (at most 20).</summary>
    public IReadOnlyList<string> ConsoleHighlights { get; init; } = [];

    /// <summary>From qemu's start to its exit.</summary>
    public TimeSpan BootToVerdict { get; init; }

    public TimeSpan TotalDuration { get; init; }

    public bool Passed => Verdict == SmokeVerdict.Pass;

    /// <summary>The failure outside the tests themselves, for the JUnit document case; null for Pass and Fail.</summary>
    public string? GuestFailure => Verdict is SmokeVerdict.Pass or SmokeVerdict.Fail ? null : Summary;

    /// <summary>The run as a pipeline stage result (PASS or FAIL), with the verdict and counts as details.</summary>
    public StageResult ToStageResult(string stageName = "smoke")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stageName);
        var all = Ktap.AllTests().ToList();
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["config"] = ConfigName,
            ["verdict"] = Verdict.ToString().ToUpperInvariant(),
            ["tests"] = all.Count.ToString(CultureInfo.InvariantCulture),
            ["failed"] = FailedNames.Count.ToString(CultureInfo.InvariantCulture),
            ["skipped"] = all.Count(t => t.Status == KtapStatus.Skip).ToString(CultureInfo.InvariantCulture),
            ["boot_to_verdict_seconds"] = BootToVerdict.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
        };
        return new StageResult(stageName, Passed ? StageStatus.Pass : StageStatus.Fail, TotalDuration.TotalSeconds, Summary)
        {
            Details = details,
        };
    }
}
