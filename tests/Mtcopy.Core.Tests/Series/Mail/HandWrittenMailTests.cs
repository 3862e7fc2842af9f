using Mtcopy.Core.Series.Mail;

namespace Mtcopy.Core.Tests.Series.Mail;

/// <summary>
/// Mails written by hand to reach the corners of <c>git mailinfo</c> (in-body headers, odd
/// subjects and senders, messy whitespace); each must give what <c>git am</c> gives.
/// </summary>
public sealed class HandWrittenMailTests(FormatPatchFixture fixture) : IClassFixture<FormatPatchFixture>
{
    private const string Diff =
        "diff --git a/f.txt b/f.txt\n--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,4 @@\n one\n two\n three\n+four\n";

    public static TheoryData<string, string> Mails => new()
    {
        {
            "messy whitespace",
            "From: Jane Doe <jane@example.org>\nDate: Mon, 1 Jul 2024 09:00:00 +0200\nSubject: [PATCH] tidy\n\n" +
            "\n\nFirst line.   \n\n\n\nAfter three blanks.\t\n\n\n---\n f.txt | 1 +\n\n"
        },
        {
            "in-body subject and date",
            "From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\n" +
            "From: Jane Doe <jane@example.org>\nDate: Mon, 1 Jul 2024 09:00:00 +0200\nSubject: [PATCH] mail subject\n\n" +
            "Subject: in-body subject that is\n continued\nDate: Tue, 2 Jul 2024 10:30:00 -0400\n\nBody text.\n---\n"
        },
        {
            "prefixes and comment-style sender",
            "From: jane@example.org (Jane  Doe)\nDate: Mon, 1 Jul 2024 09:00:00 +0000\n" +
            "Subject: Re: [RFC PATCH v2 3/9] Re: mm:  fold\tspaces\n\nBody.\n---\n"
        },
        {
            "crud around the name, encoded subject",
            "From: \"J. Random Hacker.\" <jrh@example.org>\nDate: Mon, 1 Jul 2024 09:00:00 +0000\n" +
            "Subject: [PATCH] =?iso-8859-1?q?caf=E9?= au lait\n\n[PATCH] subject from a body line\n\nBody.\n---\n"
        },
        {
            "overlong name falls back to the address",
            "From: Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij Abcdefghij <long@example.org>\n" +
            "Date: Mon, 1 Jul 2024 09:00:00 +0000\nSubject: [PATCH] long name\n\nBody.\n---\n"
        },
        {
            "second in-body From is message text",
            "From: Sender <sender@example.org>\nDate: Mon, 1 Jul 2024 09:00:00 +0000\nSubject: [PATCH] twice\n\n" +
            "From: Real Author <real@example.org>\nFrom: Someone Else <else@example.org>\n\nBody.\n---\n"
        },
    };

    [Theory]
    [MemberData(nameof(Mails))]
    public void Hand_written_mail_matches_git_am(string name, string headerAndBody)
    {
        var sandbox = fixture.Sandbox;
        var repo = fixture.CloneAtBase("hand-" + name.Replace(' ', '-'));
        var file = sandbox.PathOf(repo + ".patch");
        var text = headerAndBody + Diff + "-- \n2.39.5\n\n";
        File.WriteAllText(file, text);

        var mail = Assert.Single(MboxParser.Parse(text, name));
        Assert.Equal(Diff, mail.Diff);

        sandbox.Git(repo, "am", "-q", file);
        GitAmAssert.SameAsCommit(mail, sandbox, repo, "HEAD");
    }
}
