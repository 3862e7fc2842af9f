using System.Globalization;
using Mtcopy.Core.Smoke;

namespace Mtcopy.Core.Report;

/// <summary>
/// The guest section from each config's KTAP file (parsed again, the same way Smoke judged it) and its
/// console: every case, failing first; for a failed config, the failures' diagnostics and the console's tail.
/// </summary>
public static class GuestView
{
    public const int ConsoleTailLines = 40;

    private static readonly string[] GuestFiles = ["ktap.txt", "console.log", "junit.xml"];

    /// <param name="smokeRan">Whether this run has a smoke stage; without one, files on disk are an earlier run's.</param>
    /// <param name="guests">The configs' files.</param>
    /// <param name="fileExists">Whether a path relative to the output directory exists.</param>
    public static GuestSection Build(bool smokeRan, IReadOnlyList<GuestRecord> guests, Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(guests);
        ArgumentNullException.ThrowIfNull(fileExists);
        if (!smokeRan)
        {
            return new GuestSection(false, "Smoke did not run in this run.", []);
        }

        if (guests.Count == 0)
        {
            return new GuestSection(false, "Smoke ran but left no KTAP file (see the stage's message in the timeline).", []);
        }

        return new GuestSection(true, "", [.. guests.Select(g => Config(g, fileExists))]);
    }

    private static GuestConfigView Config(GuestRecord guest, Func<string, bool> fileExists)
    {
        KtapDocument ktap = KtapParser.Parse(guest.KtapText ?? "");
        var cases = new List<GuestCaseView>();
        if (guest.KtapText is null || ktap.Problems.Count > 0)
        {
            IReadOnlyList<string> problems = guest.KtapText is null ? ["no KTAP file was written"] : ktap.Problems;
            cases.Add(new GuestCaseView(JunitWriter.DocumentCase, ReportBadge.Fail(), problems));
        }

        cases.AddRange(ktap.AllTests()
            .Where(t => t.Children.Count == 0 || t.Unfinished || t.MissingSubtests > 0)
            .Select(t => new GuestCaseView(t.FullName, Badge(t), Diagnostics(t))));
        var ordered = cases.OrderBy(c => Rank(c.Badge)).ToList();
        var failures = ordered.Where(c => c.Badge.Css == "st-fail").ToList();
        bool failed = failures.Count > 0 || !ktap.Passed;
        int passed = cases.Count(c => c.Badge.Css == "st-pass");
        int skipped = cases.Count(c => c.Badge.Css == "st-skip");
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{cases.Count} cases: {passed} passed, {failures.Count} failed, {skipped} skipped");
        IReadOnlyList<string> tail = failed ? ConsoleLog.Tail(ConsoleLog.Lines(guest.ConsoleText), ConsoleTailLines) : [];
        string dir = "smoke/" + guest.Config + "/";
        IReadOnlyList<FileLink> files = [.. GuestFiles
            .Where(f => fileExists(dir + f))
            .Select(f => new FileLink(f, dir + f))];
        return new GuestConfigView(guest.Config, failed ? ReportBadge.Fail() : ReportBadge.Pass(), summary, ordered, failures, tail, files);
    }

    private static ReportBadge Badge(KtapTest test) => test.Status switch
    {
        KtapStatus.Pass => ReportBadge.Pass(),
        KtapStatus.Skip => ReportBadge.Skip(),
        _ => ReportBadge.Fail(),
    };

    private static IReadOnlyList<string> Diagnostics(KtapTest test) =>
        test.Status == KtapStatus.Skip && test.DirectiveReason.Length > 0 ? [.. test.Diagnostics, "SKIP " + test.DirectiveReason] : test.Diagnostics;

    private static int Rank(ReportBadge badge) => badge.Css switch
    {
        "st-fail" => 0,
        "st-skip" => 1,
        _ => 2,
    };
}
