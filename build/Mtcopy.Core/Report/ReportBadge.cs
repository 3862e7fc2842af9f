namespace Mtcopy.Core.Report;

/// <summary>
/// How the page shows an outcome: a symbol and a word beside the colour (readable without colour,
/// in print and by screen readers), and the CSS class that colours it.
/// </summary>
/// <param name="Symbol">A shape: ✓ passed, ✗ failed, – skipped, ~ applied with effort, ↓ fetched.</param>
/// <param name="Word">The word shown, e.g. passed, conflict.</param>
/// <param name="Css">One of st-pass, st-fail, st-skip, st-warn, st-info.</param>
public sealed record ReportBadge(string Symbol, string Word, string Css)
{
    public static ReportBadge Pass(string word = "passed") => new("✓", word, "st-pass");

    public static ReportBadge Fail(string word = "failed") => new("✗", word, "st-fail");

    public static ReportBadge Skip(string word = "skipped") => new("–", word, "st-skip");

    public static ReportBadge Warn(string word) => new("~", word, "st-warn");

    public static ReportBadge Info(string word) => new("↓", word, "st-info");

    /// <summary>A patch's apply verdict: clean passes, offset, fuzz and three-way applied with effort, conflict fails.</summary>
    public static ReportBadge ForPatchVerdict(string verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict switch
        {
            "clean" or "applied" => Pass(verdict),
            "offset" or "fuzz" or "three-way" => Warn(verdict),
            "not-attempted" => Skip(verdict),
            _ => Fail(verdict),
        };
    }
}
