using System.Text;
using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Tests.Patching;

public sealed class HunkApplierTests
{
    private static readonly string Ten = Lines(1, 10);

    private static string Lines(int from, int to) =>
        string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"line {i}\n"));

    private static IReadOnlyList<Hunk> Hunks(string diff) => Assert.Single(DiffParser.Parse(diff)).Hunks;

    private static TextApplyResult Apply(string content, string diff, int fuzz = 0) =>
        HunkApplier.Apply(Encoding.UTF8.GetBytes(content), Hunks(diff), new ApplyOptions { Fuzz = fuzz });

    private static string Text(TextApplyResult r) => Encoding.UTF8.GetString(r.Content.Span);

    private const string ChangeLine5 = """
        --- a/f
        +++ b/f
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +LINE FIVE
         line 6
         line 7
         line 8

        """;

    [Fact]
    public void Applies_at_the_stated_line_as_clean()
    {
        var r = Apply(Ten, ChangeLine5);

        var h = Assert.Single(r.Hunks);
        Assert.Equal(HunkOutcome.Clean, h.Outcome);
        Assert.Equal(2, h.AppliedLine);
        Assert.Equal(Ten.Replace("line 5\n", "LINE FIVE\n", StringComparison.Ordinal), Text(r));
    }

    [Fact]
    public void Applies_at_an_offset_when_lines_were_inserted_above()
    {
        var r = Apply("extra 1\nextra 2\nextra 3\n" + Ten, ChangeLine5);

        var h = Assert.Single(r.Hunks);
        Assert.Equal(HunkOutcome.Offset, h.Outcome);
        Assert.Equal(3, h.Offset);
        Assert.Equal(5, h.AppliedLine);
        Assert.Contains("line 4\nLINE FIVE\nline 6\n", Text(r), StringComparison.Ordinal);
    }

    [Fact]
    public void Offset_search_takes_the_nearest_match_and_later_lines_on_a_tie()
    {
        // The block "a b c" occurs at lines 1, 6 and 11; the hunk says line 6 +-0 but line 6 was
        // replaced, so lines 1 and 11 are both 5 away: git prefers the later one.
        var content = "a\nb\nc\nx\nx\nQ\nb\nc\nx\nx\na\nb\nc\nx\nx\n";
        const string diff = "--- a/f\n+++ b/f\n@@ -6,3 +6,3 @@\n a\n-b\n+B\n c\n";

        var r = Apply(content, diff);

        var h = Assert.Single(r.Hunks);
        Assert.Equal((HunkOutcome.Offset, 11, 5), (h.Outcome, h.AppliedLine!.Value, h.Offset));
        Assert.Equal("a\nb\nc\nx\nx\nQ\nb\nc\nx\nx\na\nB\nc\nx\nx\n", Text(r));
    }

    [Fact]
    public void A_hunk_at_the_first_line_must_match_at_the_beginning()
    {
        const string diff = "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n line 1\n-line 2\n+LINE 2\n line 3\n";

        var r = Apply("new first\n" + Ten, diff);

        Assert.Equal(HunkOutcome.Failed, Assert.Single(r.Hunks).Outcome);
    }

    [Fact]
    public void Fuzz_is_used_only_when_asked()
    {
        var changedContext = Ten.Replace("line 2\n", "line two\n", StringComparison.Ordinal);

        var strict = Apply(changedContext, ChangeLine5);
        var fuzzy = Apply(changedContext, ChangeLine5, fuzz: 2);

        Assert.Equal(HunkOutcome.Failed, Assert.Single(strict.Hunks).Outcome);
        Assert.Equal(changedContext, Text(strict));
        var h = Assert.Single(fuzzy.Hunks);
        Assert.Equal((HunkOutcome.Fuzz, 1), (h.Outcome, h.Fuzz));
        Assert.Equal(changedContext.Replace("line 5\n", "LINE FIVE\n", StringComparison.Ordinal), Text(fuzzy));
    }

    [Fact]
    public void A_failed_hunk_reports_expected_and_actual_lines_and_the_others_still_apply()
    {
        const string diff = """
            --- a/f
            +++ b/f
            @@ -2,3 +2,3 @@
             line 2
            -line 3
            +LINE 3
             line 4
            @@ -7,3 +7,3 @@
             line 7
            -line 8
            +LINE 8
             line 9

            """;
        var content = Ten.Replace("line 3\n", "line three\n", StringComparison.Ordinal);

        var r = Apply(content, diff);

        Assert.False(r.Succeeded);
        var failed = r.Hunks[0];
        Assert.Equal((1, HunkOutcome.Failed, 2), (failed.Number, failed.Outcome, failed.ExpectedLine));
        Assert.Equal(new[] { "line 2", "line 3", "line 4" }, failed.ExpectedLines);
        Assert.Equal(new[] { "line 2", "line three", "line 4" }, failed.ActualLines);
        Assert.Equal(HunkOutcome.Clean, r.Hunks[1].Outcome);
        Assert.Contains("LINE 8", Text(r), StringComparison.Ordinal);
    }

    [Fact]
    public void Handles_files_without_a_trailing_newline()
    {
        const string diff = "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n";

        var r = Apply("a\nb", diff);

        Assert.True(r.Succeeded);
        Assert.Equal("a\nb\nc", Text(r));
        Assert.False(Apply("a\nb\n", diff).Succeeded);
    }

    [Fact]
    public void Preserves_crlf_and_other_bytes_outside_the_hunk()
    {
        var content = new byte[] { 0xE9, (byte)'\r', (byte)'\n', (byte)'a', (byte)'\n', (byte)'b', (byte)'\r', (byte)'\n' };
        const string diff = "--- a/f\n+++ b/f\n@@ -2,2 +2,2 @@\n a\n-b\r\n+c\r\n";

        var r = HunkApplier.Apply(content, Hunks(diff), ApplyOptions.Default);

        Assert.True(r.Succeeded);
        Assert.Equal(new byte[] { 0xE9, (byte)'\r', (byte)'\n', (byte)'a', (byte)'\n', (byte)'c', (byte)'\r', (byte)'\n' }, r.Content.ToArray());
    }

    [Fact]
    public void A_hunk_without_trailing_context_must_match_at_the_end()
    {
        const string diff = "--- a/f\n+++ b/f\n@@ -9,2 +9,3 @@\n line 9\n line 10\n+line 11\n";

        Assert.True(Apply(Ten, diff).Succeeded);
        Assert.False(Apply(Ten + "line 10b\n", diff).Succeeded);
    }
}
