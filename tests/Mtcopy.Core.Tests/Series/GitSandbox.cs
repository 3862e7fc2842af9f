using System.Diagnostics;
using System.Text;

namespace Mtcopy.Core.Tests.Series;

/// <summary>
/// A temporary directory for real git repositories. git runs with no global or system config
/// and a fixed committer, so results do not depend on the machine.
/// </summary>
internal sealed class GitSandbox : IDisposable
{
    public GitSandbox()
    {
        Root = Directory.CreateTempSubdirectory("mtcopy-series-").FullName;
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Runs git in <paramref name="dir"/> (relative to the sandbox) and returns stdout.</summary>
    public string Git(string dir, params string[] args) => Git(dir, null, args);

    public string Git(string dir, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = PathOf(dir),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_COMMITTER_NAME"] = "Committer";
        info.Environment["GIT_COMMITTER_EMAIL"] = "committer@example.org";
        info.Environment["GIT_COMMITTER_DATE"] = "2024-06-01T12:00:00+00:00";
        info.Environment["HOME"] = Root;
        info.Environment.Remove("GIT_AUTHOR_NAME");
        info.Environment.Remove("GIT_AUTHOR_EMAIL");
        info.Environment.Remove("GIT_AUTHOR_DATE");
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start git");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"git {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout;
    }

    /// <summary>Commits the given file contents with a fixed author and date.</summary>
    public void Commit(string dir, string authorName, string authorEmail, string date, string message,
        params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            File.WriteAllText(Path.Combine(PathOf(dir), path), content);
            Git(dir, "add", path);
        }

        var env = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = authorName,
            ["GIT_AUTHOR_EMAIL"] = authorEmail,
            ["GIT_AUTHOR_DATE"] = date,
        };
        Git(dir, env, "commit", "-q", "--allow-empty", "-m", message);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp dir is not worth failing a test for.
        }
    }
}
