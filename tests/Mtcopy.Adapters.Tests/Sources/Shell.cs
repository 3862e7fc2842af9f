using System.Diagnostics;

namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>Runs setup commands for tests (argument lists, fixed git identity and dates).</summary>
internal static class Shell
{
    public static readonly Dictionary<string, string> FixedGitEnvironment = new(StringComparer.Ordinal)
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_AUTHOR_NAME"] = "Test Author",
        ["GIT_AUTHOR_EMAIL"] = "author@example.invalid",
        ["GIT_AUTHOR_DATE"] = "2024-01-01T00:00:00Z",
        ["GIT_COMMITTER_NAME"] = "Test Committer",
        ["GIT_COMMITTER_EMAIL"] = "committer@example.invalid",
        ["GIT_COMMITTER_DATE"] = "2024-01-01T00:00:00Z",
        ["LC_ALL"] = "C",
    };

    /// <summary>Runs the program and returns its stdout; throws when it fails.</summary>
    public static string Run(string? workingDirectory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (KeyValuePair<string, string> pair in FixedGitEnvironment)
        {
            start.Environment[pair.Key] = pair.Value;
        }

        using System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? stdout
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}");
    }

    public static string Git(string directory, params string[] arguments) => Run(null, "git", ["-C", directory, .. arguments]).Trim();
}
