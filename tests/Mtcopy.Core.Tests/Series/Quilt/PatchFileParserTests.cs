using Mtcopy.Core.Series.Quilt;

namespace Mtcopy.Core.Tests.Series.Quilt;

public sealed class PatchFileParserTests
{
    private const string Diff = "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n";
    private static readonly DateTimeOffset Fallback = new(2023, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Fact]
    public void Debian_style_mail_without_mbox_line_is_read_as_a_git_mail()
    {
        const string text =
            "From: Ben Example <ben@example.org>\nDate: Sat, 19 Jan 2019 03:37:45 +0000\n" +
            "Subject: kbuild: a subject long enough that it was\n folded onto a second line\n" +
            "Bug-Debian: https://bugs.debian.org/1\nForwarded: no\n\nWhy it is needed.\n\n---\n" + Diff;

        Assert.True(PatchFileParser.IsGitMail(text));
        var mail = Assert.Single(PatchFileParser.Parse(text, "bugfix/x.patch", Fallback));

        Assert.Equal("kbuild: a subject long enough that it was folded onto a second line", mail.Subject);
        Assert.Equal("kbuild: a subject long enough that it was folded onto a second line\n\nWhy it is needed.\n", mail.Message);
        Assert.Equal(new DateTimeOffset(2019, 1, 19, 3, 37, 45, TimeSpan.Zero), mail.Date);
        Assert.Equal(Diff, mail.Diff);
    }

    [Fact]
    public void Header_with_dep3_author_or_description_is_read_as_dep3()
    {
        const string text = "From: Jane <jane@example.org>\nSubject: Fix it\n more detail\nDescription: x\n\n" + Diff;

        Assert.False(PatchFileParser.IsGitMail(text));
        var mail = Assert.Single(PatchFileParser.Parse(text, "a.patch", Fallback));
        Assert.Equal("Fix it", mail.Subject);
        Assert.Equal("Fix it\n\nmore detail\n", mail.Message);
    }

    [Fact]
    public void Mbox_from_line_means_git_mail_and_may_hold_several()
    {
        const string one = "From 0123abc Mon Sep 17 00:00:00 2001\nFrom: A <a@example.org>\nDate: Mon, 1 Jul 2024 09:00:00 +0000\n";
        var text = one + "Subject: [PATCH 1/2] one\n\n---\n" + Diff + one + "Subject: [PATCH 2/2] two\n\n---\n" + Diff;

        Assert.Equal(["one", "two"], PatchFileParser.Parse(text, "all.mbox", Fallback).Select(m => m.Subject));
    }

    [Fact]
    public void Plain_diff_is_dep3()
    {
        Assert.False(PatchFileParser.IsGitMail(Diff));
        Assert.Equal("fix", Assert.Single(PatchFileParser.Parse(Diff, "dir/fix.patch", Fallback)).Subject);
    }
}
