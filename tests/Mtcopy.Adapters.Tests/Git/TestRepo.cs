using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Tests.Git;

/// <summary>A throw-away git repository made by a test, with fixed identities and dates so ids are stable.</summary>
internal sealed partial class TestRepo : IDisposable
{
    public const string AuthorName = "Ada Tester";
    public const string AuthorEmail = "ada@example.org";

    private int _tick;

    public TestRepo()
    {
        Root = Path.Combine(Path.GetTempPath(), "mtcopy-patching-" + Guid.NewGuid().ToString("N")[..12]);
        Dir = Path.Combine(Root, "repo");
        Directory.CreateDirectory(Dir);
        Git("init", "-q", "-b", "main");
    }

    /// <summary>Temp directory holding the repository and anything else the test makes.</summary>
    public string Root { get; }

    /// <summary>The repository's working tree.</summary>
    public string Dir { get; }

    public string WorktreePath => Path.Combine(Root, "out", "worktree");

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    public string Git(params string[] args) => GitIn(Dir, args);

    public string GitIn(string dir, params string[] args) => Run(dir, null, args);

    /// <summary>Runs git with the fixed test identity; the commit date advances one minute per call.</summary>
    public string Run(string dir, string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var date = (1_700_000_000 + (60 * _tick++)).ToString(CultureInfo.InvariantCulture) + " +0100";
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        psi.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        psi.Environment["GIT_AUTHOR_NAME"] = AuthorName;
        psi.Environment["GIT_AUTHOR_EMAIL"] = AuthorEmail;
        psi.Environment["GIT_COMMITTER_NAME"] = AuthorName;
        psi.Environment["GIT_COMMITTER_EMAIL"] = AuthorEmail;
        psi.Environment["GIT_AUTHOR_DATE"] = "@" + date;
        psi.Environment["GIT_COMMITTER_DATE"] = "@" + date;
        using var p = System.Diagnostics.Process.Start(psi)!;
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }

        var stderrTask = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var stderr = stderrTask.Result;
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({p.ExitCode}): {stderr}");
        }

        return stdout;
    }

    public string Rev(string rev) => Git("rev-parse", "--verify", rev).Trim();

    public void Write(string path, string content) => Write(path, Encoding.UTF8.GetBytes(content));

    public void Write(string path, byte[] content)
    {
        var full = Path.Combine(Dir, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    /// <summary>Stages everything (even ignored files) and commits.</summary>
    public string Commit(string message)
    {
        Git("add", "-A", "-f");
        Git("commit", "-q", "-m", message);
        return Rev("HEAD");
    }

    /// <summary>"git format-patch --stdout -M" of a range (the mbox text git am reads).</summary>
    public string FormatPatch(string range) => Git("format-patch", "--stdout", "-M", "--binary", range);

    /// <summary>
    /// The engine's input for a range: the diff of each mail of the format-patch output (simple
    /// splitting at the "From &lt;id&gt;" lines), author fields and message from git log.
    /// </summary>
    public List<PatchInput> Inputs(string range)
    {
        var mails = MailStart().Split(FormatPatch(range)).Where(m => m.Length > 0).ToList();
        var commits = Git("rev-list", "--reverse", range).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(commits.Length, mails.Count);
        var inputs = new List<PatchInput>();
        for (var i = 0; i < commits.Length; i++)
        {
            var fields = Git("log", "-1", "--format=%an%x00%ae%x00%aI%x00%B", commits[i]).Split('\0');
            var diffStart = mails[i].IndexOf("\ndiff --git ", StringComparison.Ordinal);
            var diff = mails[i][(diffStart + 1)..];
            inputs.Add(new PatchInput(
                $"{i + 1:0000}-{fields[3].Split('\n')[0]}",
                diff,
                fields[0],
                fields[1],
                DateTimeOffset.Parse(fields[2], CultureInfo.InvariantCulture),
                fields[3]));
        }

        return inputs;
    }

    /// <summary>Hash of everything of the user's that must not change: status, stash, HEAD, index bytes, named files.</summary>
    public string UserState(params string[] files)
    {
        var sb = new StringBuilder();
        sb.Append(File.ReadAllBytes(Path.Combine(Dir, ".git", "index")).Length).Append(':')
          .Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Dir, ".git", "index"))))).Append('\n');
        sb.Append(Git("--no-optional-locks", "status", "--porcelain=v2", "--branch", "--untracked-files=all"));
        sb.Append(Git("stash", "list", "--format=%H %gs"));
        sb.Append(Git("rev-parse", "HEAD")).Append(Git("symbolic-ref", "HEAD"));
        foreach (var f in files)
        {
            sb.Append(f).Append(':').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Dir, f))))).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The worktree list and all refs (what abort must restore).</summary>
    public string RepoShape() =>
        Git("worktree", "list", "--porcelain") + Git("for-each-ref", "--format=%(refname) %(objectname)");

    /// <summary>Leaves a stash entry, a staged change and an unstaged change to <paramref name="dirtyFile"/>.</summary>
    public void MakeUserMess(string dirtyFile, string stagedFile)
    {
        File.AppendAllText(Path.Combine(Dir, dirtyFile), "stashed change\n");
        Git("stash", "push", "-q", "-m", "user stash");
        File.AppendAllText(Path.Combine(Dir, stagedFile), "staged change\n");
        Git("add", "-f", stagedFile);
        File.AppendAllText(Path.Combine(Dir, dirtyFile), "dirty change\n");
        Write("untracked-note.txt", "mine\n");
    }

    public static string Lines(int count, Func<int, string>? line = null) =>
        string.Concat(Enumerable.Range(1, count).Select(i => (line ?? (n => $"line {n}"))(i) + "\n"));

    [GeneratedRegex(@"^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001\n", RegexOptions.Multiline)]
    private static partial Regex MailStart();
}
