using Mtcopy.Core.Series.Quilt;

namespace Mtcopy.Core.Tests.Series.Quilt;

public sealed class Dep3PatchParserTests
{
    private const string QuiltDiff =
        "Index: linux/mm/migrate.c\n===================================================================\n" +
        "--- linux.orig/mm/migrate.c\n+++ linux/mm/migrate.c\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n";

    private static readonly DateTimeOffset Fallback = new(2023, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Fact]
    public void Full_dep3_header_becomes_author_date_and_message()
    {
        const string text =
            "Description: Fix the frobnicator on big machines\n" +
            " The frobnicator overflowed when\n" +
            " more than 64 nodes were online.\n" +
            " .\n" +
            "   Indented lines keep their indentation.\n" +
            "Author: Jane Doe <jane@example.org>\n" +
            "Origin: upstream, https://git.kernel.org/linus/abc123\n" +
            "Bug-Debian: https://bugs.debian.org/123456\n" +
            "Forwarded: not-needed\n" +
            "Last-Update: 2024-02-03\n" +
            "\n" +
            "Free-form notes after the fields.\n" +
            "---\n" +
            " mm/migrate.c | 2 +-\n" +
            QuiltDiff;

        var mail = Dep3PatchParser.Parse(text, "debian/patches/fix-frob.patch", Fallback);

        Assert.Equal(("Jane Doe", "jane@example.org"), (mail.AuthorName, mail.AuthorEmail));
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 0, 0, 0, TimeSpan.Zero), mail.Date);
        Assert.Equal("Fix the frobnicator on big machines", mail.Subject);
        Assert.Equal(
            "Fix the frobnicator on big machines\n\n" +
            "The frobnicator overflowed when\nmore than 64 nodes were online.\n\n" +
            "  Indented lines keep their indentation.\n\n" +
            "Free-form notes after the fields.\n\n" +
            "Origin: upstream, https://git.kernel.org/linus/abc123\n" +
            "Bug-Debian: https://bugs.debian.org/123456\n" +
            "Forwarded: not-needed\n" +
            "Last-Update: 2024-02-03\n",
            mail.Message);
        Assert.Equal(QuiltDiff, mail.Diff);
        Assert.False(mail.IsCoverLetter);
        Assert.Equal("debian/patches/fix-frob.patch", mail.SourceName);
    }

    [Fact]
    public void Header_without_author_or_date_uses_the_documented_defaults()
    {
        var mail = Dep3PatchParser.Parse("Subject: [PATCH] tweak\n\n" + QuiltDiff, "x.patch", Fallback);

        Assert.Equal((Dep3PatchParser.UnknownAuthorName, Dep3PatchParser.UnknownAuthorEmail), (mail.AuthorName, mail.AuthorEmail));
        Assert.Equal(("Unknown", "unknown@localhost"), (mail.AuthorName, mail.AuthorEmail));
        Assert.Equal(Fallback, mail.Date);
        Assert.Equal("tweak", mail.Subject);
    }

    [Fact]
    public void Patch_without_any_header_is_named_after_its_file()
    {
        var mail = Dep3PatchParser.Parse(QuiltDiff, "debian/patches/fix-build-gcc14.patch", Fallback);

        Assert.Equal("fix-build-gcc14", mail.Subject);
        Assert.Equal("fix-build-gcc14\n", mail.Message);
        Assert.Equal(QuiltDiff, mail.Diff);
    }

    [Fact]
    public void Free_form_text_alone_gives_subject_and_body()
    {
        var mail = Dep3PatchParser.Parse("Fix the build with gcc 14.\n\nThe new warning is an error.\n\n" + QuiltDiff, "a.diff", Fallback);

        Assert.Equal("Fix the build with gcc 14.", mail.Subject);
        Assert.Equal("Fix the build with gcc 14.\n\nThe new warning is an error.\n", mail.Message);
    }

    [Fact]
    public void Author_without_address_and_rfc2822_date_are_read()
    {
        const string text = "Author: Jane Doe\nDate: Tue, 5 Mar 2024 10:11:12 +0100\nDescription: x\n" + QuiltDiff;

        var mail = Dep3PatchParser.Parse(text, "a.patch", Fallback);

        Assert.Equal(("Jane Doe", "unknown@localhost"), (mail.AuthorName, mail.AuthorEmail));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 11, 12, TimeSpan.FromHours(1)), mail.Date);
    }

    [Theory]
    [InlineData("2024-03-05 10:11:12 +0100")]
    [InlineData("2024-03-05T10:11:12+01:00")]
    [InlineData("Tue, 5 Mar 2024 10:11:12 +0100")]
    public void Iso_and_mail_dates_keep_their_offset(string date)
    {
        var mail = Dep3PatchParser.Parse($"Date: {date}\nDescription: x\n" + QuiltDiff, "a.patch", Fallback);

        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 11, 12, TimeSpan.FromHours(1)), mail.Date);
        Assert.Equal(TimeSpan.FromHours(1), mail.Date.Offset);
    }

    [Fact]
    public void Patch_without_diff_has_no_diff()
    {
        Assert.False(Dep3PatchParser.Parse("Description: nothing\n", "a.patch", Fallback).HasDiff);
    }
}
