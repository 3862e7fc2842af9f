namespace Mtcopy.Core.Patching;

/// <summary>One "@@ -a,b +c,d @@" hunk of a text file patch.</summary>
/// <param name="OldStart">First line in the old file (1-based; 0 when the old side is empty).</param>
/// <param name="OldCount">Number of old lines (context + removed).</param>
/// <param name="NewStart">First line in the new file (1-based; 0 when the new side is empty).</param>
/// <param name="NewCount">Number of new lines (context + added).</param>
/// <param name="Section">Text after the closing "@@" (function name), possibly empty.</param>
/// <param name="Lines">The hunk's lines in order.</param>
public sealed record Hunk(
    int OldStart,
    int OldCount,
    int NewStart,
    int NewCount,
    string Section,
    IReadOnlyList<HunkLine> Lines)
{
    /// <summary>Number of context lines before the first change.</summary>
    public int LeadingContext => Lines.TakeWhile(l => l.Kind == HunkLineKind.Context).Count();

    /// <summary>Number of context lines after the last change.</summary>
    public int TrailingContext =>
        Lines.All(l => l.Kind == HunkLineKind.Context)
            ? 0
            : Lines.Reverse().TakeWhile(l => l.Kind == HunkLineKind.Context).Count();

    /// <summary>The "@@ -a,b +c,d @@ section" header line.</summary>
    public string Header =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"@@ -{OldStart},{OldCount} +{NewStart},{NewCount} @@{(Section.Length > 0 ? " " + Section : string.Empty)}");
}
