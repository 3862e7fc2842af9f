namespace Mtcopy.Core.Tests.Series.Mail;

/// <summary>
/// A real repository with a base commit and three commits exported by
/// <c>git format-patch</c> (with a cover letter, and as one mbox). Built once per test class.
/// </summary>
public sealed class FormatPatchFixture : IDisposable
{
    internal const string Source = "src";

    internal const string LongSubject =
        "mm/migrate: batch the page copies so that this long subject line über seventy-eight columns gets folded";

    private readonly GitSandbox sandbox = new();

    public FormatPatchFixture()
    {
        Directory.CreateDirectory(sandbox.PathOf(Source));
        sandbox.Git(Source, "init", "-q", "-b", "main");
        sandbox.Commit(Source, "Base Author", "base@example.org", "2024-01-01T00:00:00+00:00", "base",
            ("f.txt", "one\ntwo\nthree\n"), ("list.txt", "a\n- \n"));
        sandbox.Git(Source, "tag", "base");

        sandbox.Commit(Source, "Jörg Müller-Lüdenscheidt", "jm@example.org", "2024-03-05T10:11:12+01:00",
            LongSubject + "\n\nCopy pages in batches instead of one by one.\nThis keeps the body on\n" +
            "several lines.\n\nSecond paragraph.\n\nSigned-off-by: Jörg Müller-Lüdenscheidt <jm@example.org>",
            ("f.txt", "one\ntwo\nthree\nfour\n"));
        sandbox.Commit(Source, "Doe, John", "john.doe@example.org", "2024-03-06T08:00:00-07:00",
            "[mm] Re: drop the dash item\n\nThe body mentions headers in the middle:\nFrom: not a header here\n\n" +
            "Signed-off-by: \"Doe, John\" <john.doe@example.org>",
            ("list.txt", "a\n"));
        sandbox.Commit(Source, "A. U. Thor", "author@example.org", "2024-03-07T23:59:59+05:30",
            "add new file", ("new.txt", "fresh\ncontent\n"));

        sandbox.Git(Source, "format-patch", "-q", "--cover-letter", "-o", sandbox.PathOf("out"), "base..main");
        File.WriteAllText(sandbox.PathOf("all.mbox"), sandbox.Git(Source, "format-patch", "--stdout", "base..main"));
        sandbox.Git(Source, "format-patch", "-q", "-o", sandbox.PathOf("from"),
            "--from=Patch Sender <sender@example.org>", "base..main");
    }

    internal GitSandbox Sandbox => sandbox;

    /// <summary>Patch files of the cover-letter export, in order (cover letter first).</summary>
    internal IReadOnlyList<string> PatchFiles(string dir = "out") =>
        Directory.GetFiles(sandbox.PathOf(dir), "*.patch").Order(StringComparer.Ordinal).ToList();

    /// <summary>A fresh clone at the base commit; returns its sandbox-relative name.</summary>
    internal string CloneAtBase(string name)
    {
        sandbox.Git(".", "clone", "-q", Source, name);
        sandbox.Git(name, "reset", "-q", "--hard", "base");
        return name;
    }

    public void Dispose() => sandbox.Dispose();
}
