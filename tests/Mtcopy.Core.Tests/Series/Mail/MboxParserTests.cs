using Mtcopy.Core.Patching;
using Mtcopy.Core.Series;
using Mtcopy.Core.Series.Mail;

namespace Mtcopy.Core.Tests.Series.Mail;

/// <summary>Error paths and details of the mail parser that need no git.</summary>
public sealed class MboxParserTests
{
    private const string Diff = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n";

    [Fact]
    public void Mail_without_author_address_is_a_user_error()
    {
        var e = Assert.Throws<PatchFormatException>(() =>
            MboxParser.Parse("From: Nobody\nDate: Mon, 1 Jul 2024 09:00:00 +0000\nSubject: x\n\nbody\n---\n" + Diff, "a.patch"));
        Assert.Contains("a.patch", e.Message, StringComparison.Ordinal);
        Assert.Contains("From:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_date_uses_the_fallback_or_fails_without_one()
    {
        const string text = "From: A <a@example.org>\nSubject: x\n\nbody\n---\n" + Diff;
        var fallback = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5));

        Assert.Equal(fallback, Assert.Single(MboxParser.Parse(text, "a.patch", fallback)).Date);
        var e = Assert.Throws<PatchFormatException>(() => MboxParser.Parse(text, "a.patch"));
        Assert.Contains("Date:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_date_without_fallback_names_the_value()
    {
        var e = Assert.Throws<PatchFormatException>(() =>
            MboxParser.Parse("From: A <a@example.org>\nDate: someday\nSubject: x\n\n---\n" + Diff, "a.patch"));
        Assert.Contains("'someday'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multipart_mail_is_refused()
    {
        const string text = "From: A <a@example.org>\nDate: Mon, 1 Jul 2024 09:00:00 +0000\nSubject: x\n" +
            "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n\nbody\n--b--\n";
        var e = Assert.Throws<PatchFormatException>(() => MboxParser.Parse(text, "a.patch"));
        Assert.Contains("--attach", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_order_mark_is_ignored()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(
            "From 0123abc Mon Sep 17 00:00:00 2001\nFrom: A <a@example.org>\nDate: Mon, 1 Jul 2024 09:00:00 +0000\n" +
            "Subject: x\n\n---\n" + Diff)).ToArray();

        Assert.Equal("a@example.org", Assert.Single(MboxParser.Parse(bytes, "a.patch")).AuthorEmail);
    }

    [Fact]
    public void Empty_input_is_refused()
    {
        Assert.Throws<PatchFormatException>(() => MboxParser.Parse(" \n\n", "a.patch"));
    }

    [Fact]
    public void Base64_body_in_latin1_is_decoded()
    {
        var body = Convert.ToBase64String(System.Text.Encoding.Latin1.GetBytes("Caf\u00e9 body.\n---\n" + Diff));
        var text = "From: A <a@example.org>\nDate: Mon, 1 Jul 2024 09:00:00 +0000\nSubject: x\n" +
            "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: base64\n\n" + body + "\n";

        var mail = Assert.Single(MboxParser.Parse(text, "a.patch"));

        Assert.Equal("x\n\nCaf\u00e9 body.\n", mail.Message);
        Assert.Equal(Diff, mail.Diff);
    }

    [Theory]
    [InlineData("From 0123abc Mon Sep 17 00:00:00 2001", true)]
    [InlineData("From jane@example.org Tue Jul  2 10:30:00 2024", true)]
    [InlineData("From now on we copy pages", false)]
    [InlineData("From the log at 10:30:00 88", false)]
    [InlineData("From the log at 10:30", false)]
    [InlineData("From: Jane <jane@example.org>", false)]
    public void Mbox_separator_lines_are_recognised_like_git_mailsplit(string line, bool expected)
    {
        Assert.Equal(expected, MboxSplitter.IsFromLine(line));
    }

    [Fact]
    public void Body_line_starting_with_From_does_not_split_the_mail()
    {
        const string text = "From 0123abc Mon Sep 17 00:00:00 2001\nFrom: A <a@example.org>\n" +
            "Date: Mon, 1 Jul 2024 09:00:00 +0000\nSubject: x\n\nFrom now on pages are batched.\n---\n" + Diff;

        var mail = Assert.Single(MboxParser.Parse(text, "a.patch"));

        Assert.Equal("x\n\nFrom now on pages are batched.\n", mail.Message);
    }

    [Theory]
    [InlineData("[PATCH 0/3] cover", true)]
    [InlineData("[RFC PATCH v2 00/10] cover", true)]
    [InlineData("Re: [PATCH 0/1] cover", true)]
    [InlineData("[PATCH 1/3] one", false)]
    [InlineData("[PATCH] zero 0/3 in the text", false)]
    public void Cover_letter_numbering_is_read_from_the_prefix(string subject, bool expected)
    {
        Assert.Equal(expected, MailSubject.IsNumberedZero(subject));
    }

    [Theory]
    [InlineData("  Re: re: [PATCH v3 2/7] [net] fix: it", "fix: it")]
    [InlineData("[PATCH] Re:", "Re:")]
    [InlineData("[unclosed bracket", "[unclosed bracket")]
    [InlineData(":: [x]  two   spaces ", "two spaces")]
    public void Subjects_are_cleaned_like_git_mailinfo(string raw, string expected)
    {
        Assert.Equal(expected, MailSubject.Clean(raw));
    }

    [Fact]
    public void Stripspace_collapses_blank_runs_and_trims()
    {
        Assert.Equal("a\n\nb\n", GitStripSpace.Apply("\n  \na  \n\n\n\t\nb\n\n"));
        Assert.Equal(string.Empty, GitStripSpace.Apply(" \n\n"));
    }

    [Fact]
    public void Diff_may_start_with_index_or_plain_file_headers()
    {
        const string quilt = "Index: linux/x\n===================\n--- linux.orig/x\n+++ linux/x\n@@ -1 +1 @@\n-a\n+b\n";
        const string plain = "--- x.orig\n+++ x\n@@ -1,2 +1 @@\n a\n-- \n";

        Assert.Equal(quilt, DiffExtractor.Extract("---\n x | 2 +-\n\n" + quilt));
        Assert.Equal(plain, DiffExtractor.Extract("some text\n" + plain + "-- \n2.43.0\n"));
        Assert.Equal(string.Empty, DiffExtractor.Extract("---\n just a diffstat\n"));
    }
}
