using System.Globalization;

namespace Mtcopy.Core.Smoke;

/// <summary>
/// Decides a guest run's verdict from the KTAP file (never the console: it mixes kernel
/// messages into the report) and the console log. Worst first: a host timeout, then a kernel
/// panic in the console, then qemu exiting before the KTAP report was complete, then failed
/// tests. The console tail goes into the report when the guest gave no usable verdict.
/// </summary>
public static class SmokeEvaluator
{
    public const int ConsoleTailLines = 100;
    private const int NamesInSummary = 10;

    public static SmokeReport Evaluate(SmokeEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        KtapDocument ktap = KtapParser.Parse(evidence.KtapText ?? string.Empty);
        IReadOnlyList<string> console = ConsoleLog.Lines(evidence.ConsoleText);
        string? panic = ConsoleLog.FindPanic(console);
        string ktapState = ktap.Problems.Count > 0 ? string.Join("; ", ktap.Problems) : "the KTAP report is complete";

        (SmokeVerdict verdict, string summary) = (evidence, ktap) switch
        {
            ({ TimedOut: true }, _) => (SmokeVerdict.Timeout, string.Create(CultureInfo.InvariantCulture,
                $"the guest did not power off within {evidence.Timeout.TotalSeconds:0.###} s and was killed ({ktapState})")),
            _ when panic is not null => (SmokeVerdict.Panic, $"the kernel panicked: {panic.Trim()} ({ktapState})"),
            (_, { IsComplete: false }) => (SmokeVerdict.Incomplete, Incomplete(evidence, ktapState)),
            _ => Judge(evidence, ktap),
        };

        bool noVerdict = verdict is SmokeVerdict.Incomplete or SmokeVerdict.Timeout or SmokeVerdict.Panic;
        return new SmokeReport(evidence.ConfigName, verdict, summary)
        {
            Ktap = ktap,
            FailedNames = ktap.FailedNames,
            ConsoleTail = noVerdict ? ConsoleLog.Tail(console, ConsoleTailLines) : [],
            ConsoleHighlights = ConsoleLog.Highlights(console),
            BootToVerdict = evidence.GuestDuration,
            TotalDuration = evidence.TotalDuration,
        };
    }

    private static string Incomplete(SmokeEvidence evidence, string ktapState)
    {
        if (evidence.KtapText is null)
        {
            ktapState = "no KTAP file was written";
        }

        if (evidence.QemuExitCode is { } code && code != 0)
        {
            string said = evidence.QemuOutput.Count > 0 ? "; qemu said: " + evidence.QemuOutput[^1] : string.Empty;
            return string.Create(CultureInfo.InvariantCulture, $"qemu exited with code {code} before the KTAP report was complete ({ktapState}){said}");
        }

        return $"the guest stopped before its KTAP report was complete ({ktapState})";
    }

    private static (SmokeVerdict, string) Judge(SmokeEvidence evidence, KtapDocument ktap)
    {
        var all = ktap.AllTests().ToList();
        IReadOnlyList<string> failed = ktap.FailedNames;
        var reasons = new List<string>();
        if (failed.Count > 0)
        {
            string names = string.Join(", ", failed.Take(NamesInSummary))
                + (failed.Count > NamesInSummary ? string.Create(CultureInfo.InvariantCulture, $" and {failed.Count - NamesInSummary} more") : string.Empty);
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{failed.Count} of {all.Count} tests failed: {names}"));
        }

        reasons.AddRange(ktap.Problems);
        if (evidence.QemuExitCode is { } code && code != 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"qemu exited with code {code}"));
        }

        if (reasons.Count > 0 || !ktap.Passed)
        {
            return (SmokeVerdict.Fail, reasons.Count > 0 ? string.Join("; ", reasons) : "the KTAP report has failures");
        }

        int skipped = all.Count(t => t.Status == KtapStatus.Skip);
        return (SmokeVerdict.Pass, string.Create(CultureInfo.InvariantCulture,
            $"{all.Count - skipped} tests passed, {skipped} skipped, in {evidence.GuestDuration.TotalSeconds:0.0} s"));
    }
}
