using System.Globalization;
using Mtcopy.Core.Series;

namespace Mtcopy.Core.Tests.Series.Mail;

/// <summary>Compares a parsed mail with the commit <c>git am</c> made from the same mail.</summary>
internal static class GitAmAssert
{
    public static void SameAsCommit(PatchMail mail, GitSandbox sandbox, string repo, string rev)
    {
        var ident = sandbox.Git(repo, "log", "-1", "--format=%an%n%ae%n%aI", rev).Split('\n');
        Assert.Equal(ident[0], mail.AuthorName);
        Assert.Equal(ident[1], mail.AuthorEmail);
        Assert.Equal(ident[2], mail.Date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

        var commit = sandbox.Git(repo, "cat-file", "commit", rev);
        var message = commit[(commit.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        Assert.Equal(message, mail.Message);
        Assert.Equal(message[..message.IndexOf('\n', StringComparison.Ordinal)], mail.Subject);
    }

    /// <summary>Checks that <paramref name="mail"/>'s diff applies to the repository's HEAD.</summary>
    public static void DiffApplies(PatchMail mail, GitSandbox sandbox, string repo)
    {
        var file = sandbox.PathOf(repo + ".diff");
        File.WriteAllText(file, mail.Diff);
        sandbox.Git(repo, "apply", "--check", file);
    }
}
