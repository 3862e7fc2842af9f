using Mtcopy.Core.Series;
using Mtcopy.Core.Series.Mail;

namespace Mtcopy.Core.Tests.Series.Mail;

/// <summary>The parser must record what <c>git am</c> records, mail by mail.</summary>
public sealed class MboxParserGitAmTests(FormatPatchFixture fixture) : IClassFixture<FormatPatchFixture>
{
    private GitSandbox Sandbox => fixture.Sandbox;

    [Fact]
    public void Each_patch_file_matches_git_am()
    {
        var files = fixture.PatchFiles();
        Assert.Equal(4, files.Count);
        var repo = fixture.CloneAtBase("each");
        foreach (var file in files.Skip(1))
        {
            var mail = Assert.Single(MboxParser.Parse(File.ReadAllText(file), Path.GetFileName(file)));
            Assert.False(mail.IsCoverLetter);
            GitAmAssert.DiffApplies(mail, Sandbox, repo);
            Sandbox.Git(repo, "am", "-q", file);
            GitAmAssert.SameAsCommit(mail, Sandbox, repo, "HEAD");
        }
    }

    [Fact]
    public void Non_ascii_author_and_folded_subject_are_decoded()
    {
        var text = File.ReadAllText(fixture.PatchFiles()[1]);
        Assert.Contains("=?UTF-8?q?", text, StringComparison.Ordinal);
        Assert.Contains("\n =?UTF-8?q?", text, StringComparison.Ordinal);

        var mail = Assert.Single(MboxParser.Parse(text, "0001.patch"));

        Assert.Equal("Jörg Müller-Lüdenscheidt", mail.AuthorName);
        Assert.Equal(FormatPatchFixture.LongSubject, mail.Subject);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 11, 12, TimeSpan.FromHours(1)), mail.Date);
        Assert.StartsWith("diff --git a/f.txt b/f.txt\n", mail.Diff, StringComparison.Ordinal);
        Assert.EndsWith("+four\n", mail.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Removed_dash_line_at_the_end_of_the_diff_is_kept_but_the_signature_is_not()
    {
        var mail = Assert.Single(MboxParser.Parse(File.ReadAllText(fixture.PatchFiles()[2]), "0002.patch"));

        Assert.Equal("drop the dash item", mail.Subject);
        Assert.EndsWith("\n a\n-- \n", mail.Diff, StringComparison.Ordinal);
        Assert.DoesNotContain("2.", mail.Diff.Split('\n')[^2], StringComparison.Ordinal);
        Assert.Equal("Doe, John", mail.AuthorName);
    }

    [Fact]
    public void Cover_letter_is_recognised_and_has_no_diff()
    {
        var mail = Assert.Single(MboxParser.Parse(File.ReadAllText(fixture.PatchFiles()[0]), "0000.patch"));

        Assert.True(mail.IsCoverLetter);
        Assert.False(mail.HasDiff);
        Assert.Equal("*** SUBJECT HERE ***", mail.Subject);
        Assert.StartsWith("*** SUBJECT HERE ***\n\n*** BLURB HERE ***\n", mail.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("-- ", mail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mbox_with_several_mails_matches_git_am()
    {
        var mails = MboxParser.Parse(File.ReadAllText(Sandbox.PathOf("all.mbox")), "all.mbox");

        Assert.Equal(["all.mbox#1", "all.mbox#2", "all.mbox#3"], mails.Select(m => m.SourceName));
        var repo = fixture.CloneAtBase("mbox");
        Sandbox.Git(repo, "am", "-q", Sandbox.PathOf("all.mbox"));
        for (var i = 0; i < 3; i++)
        {
            GitAmAssert.SameAsCommit(mails[i], Sandbox, repo, "HEAD~" + (2 - i));
        }
    }

    [Fact]
    public void Crlf_copy_parses_like_the_original_and_like_git_am()
    {
        var file = fixture.PatchFiles()[1];
        var lf = File.ReadAllText(file);
        var crlfFile = Sandbox.PathOf("crlf.patch");
        File.WriteAllText(crlfFile, lf.Replace("\n", "\r\n", StringComparison.Ordinal));

        var fromCrlf = Assert.Single(MboxParser.Parse(File.ReadAllBytes(crlfFile), "0001.patch"));
        var fromLf = Assert.Single(MboxParser.Parse(lf, "0001.patch"));

        Assert.Equal(fromLf, fromCrlf);
        Assert.DoesNotContain('\r', fromCrlf.Diff);
        var repo = fixture.CloneAtBase("crlf");
        Sandbox.Git(repo, "am", "-q", crlfFile);
        GitAmAssert.SameAsCommit(fromCrlf, Sandbox, repo, "HEAD");
    }

    [Fact]
    public void In_body_from_header_overrides_the_sender_like_git_am()
    {
        var files = fixture.PatchFiles("from");
        var repo = fixture.CloneAtBase("inbody");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.StartsWith("From: Patch Sender <sender@example.org>", text.Split('\n')[1], StringComparison.Ordinal);
            var mail = Assert.Single(MboxParser.Parse(text, Path.GetFileName(file)));
            Assert.NotEqual("sender@example.org", mail.AuthorEmail);
            Sandbox.Git(repo, "am", "-q", file);
            GitAmAssert.SameAsCommit(mail, Sandbox, repo, "HEAD");
        }
    }

    [Fact]
    public void Quoted_printable_mail_matches_git_am()
    {
        var text = File.ReadAllText(fixture.PatchFiles()[1]);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = text[..split].Replace(
            "Content-Transfer-Encoding: 8bit", "Content-Transfer-Encoding: quoted-printable", StringComparison.Ordinal);
        var qpFile = Sandbox.PathOf("qp.patch");
        File.WriteAllText(qpFile, headers + "\n\n" + QuotedPrintable(text[(split + 2)..]));
        Assert.Contains("=C3=B6", File.ReadAllText(qpFile), StringComparison.Ordinal);

        var mail = Assert.Single(MboxParser.Parse(File.ReadAllText(qpFile), "qp.patch"));

        Assert.Contains("Signed-off-by: Jörg", mail.Message, StringComparison.Ordinal);
        var repo = fixture.CloneAtBase("qp");
        GitAmAssert.DiffApplies(mail, Sandbox, repo);
        Sandbox.Git(repo, "am", "-q", qpFile);
        GitAmAssert.SameAsCommit(mail, Sandbox, repo, "HEAD");
    }

    private static string QuotedPrintable(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            if (b is (byte)'\n' || (b is >= 32 and <= 126 && b != (byte)'='))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('=').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
