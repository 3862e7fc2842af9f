using CliWrap;

namespace Mtcopy.Adapters.Git;

/// <summary>
/// Runs the git CLI with a fixed, safe configuration: the user's hooks, automatic gc, commit
/// signing and CRLF conversion are switched off, optional index locks are not taken (so read
/// commands never rewrite the user's index), and GIT_DIR-style variables inherited from the
/// environment cannot redirect a command to another repository.
/// </summary>
public sealed class GitCli
{
    private static readonly string[] FixedConfig =
    [
        "-c", "core.hooksPath=/dev/null",
        "-c", "gc.auto=0",
        "-c", "maintenance.auto=false",
        "-c", "commit.gpgSign=false",
        "-c", "core.autocrlf=false",
        "-c", "core.fileMode=true",
        "-c", "core.symlinks=true",
        "-c", "advice.detachedHead=false",
    ];

    private static readonly string[] InheritedVariablesToDrop =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX",
    ];

    private readonly string _executable;

    public GitCli(string executable = "git") => _executable = executable;

    /// <summary>The full argument list for "git &lt;arguments&gt;" (fixed configuration first).</summary>
    public static IReadOnlyList<string> BuildArguments(IEnumerable<string> arguments) => [.. FixedConfig, .. arguments];

    /// <summary>Runs git and returns whatever it returned.</summary>
    public async Task<GitResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        ReadOnlyMemory<byte>? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var command = Cli.Wrap(_executable)
            .WithArguments(BuildArguments(arguments))
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(env =>
            {
                foreach (var name in InheritedVariablesToDrop)
                {
                    env.Set(name, null);
                }

                env.Set("GIT_OPTIONAL_LOCKS", "0");
                env.Set("GIT_TERMINAL_PROMPT", "0");
                foreach (var (name, value) in environment ?? new Dictionary<string, string>())
                {
                    env.Set(name, value);
                }
            })
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToStream(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStream(stderr));
        if (stdin is { } input)
        {
            command = command.WithStandardInputPipe(PipeSource.FromBytes(input));
        }

        var result = await command.ExecuteAsync(cancellationToken);
        return new GitResult(result.ExitCode, stdout.ToArray(), System.Text.Encoding.UTF8.GetString(stderr.ToArray()));
    }

    /// <summary>Runs git and throws <see cref="GitCommandException"/> unless it exits 0.</summary>
    public async Task<GitResult> RunCheckedAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        ReadOnlyMemory<byte>? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(workingDirectory, arguments, stdin, environment, cancellationToken);
        return result.ExitCode == 0 ? result : throw new GitCommandException(workingDirectory, arguments, result);
    }
}
