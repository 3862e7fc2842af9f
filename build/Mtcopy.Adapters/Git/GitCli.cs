using Mtcopy.Adapters.Process;

namespace Mtcopy.Adapters.Git;

/// <summary>
/// Runs the git CLI with a fixed, safe configuration: the user's hooks, automatic gc, commit
/// signing and CRLF conversion are switched off, patches apply byte for byte (no whitespace fixing,
/// conflicts in the plain two-sided style), optional index locks are not taken (so read
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
        "-c", "apply.whitespace=nowarn",
        "-c", "apply.ignoreWhitespace=no",
        "-c", "merge.conflictStyle=merge",
    ];

    private static readonly string[] InheritedVariablesToDrop =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX",
    ];

    private readonly IProcessRunner _runner;
    private readonly string _executable;

    /// <summary>Runs git with a <see cref="ProcessRunner"/>.</summary>
    public GitCli()
        : this(new ProcessRunner())
    {
    }

    /// <summary>Runs <paramref name="executable"/> through <paramref name="runner"/> (a fake one in tests).</summary>
    public GitCli(IProcessRunner runner, string executable = "git")
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
        _executable = executable;
    }

    /// <summary>The full argument list for "git &lt;arguments&gt;" (fixed configuration first).</summary>
    public static IReadOnlyList<string> BuildArguments(IEnumerable<string> arguments) => [.. FixedConfig, .. arguments];

    /// <summary>The process that runs "git &lt;arguments&gt;" in <paramref name="workingDirectory"/>, its output captured.</summary>
    public ProcessSpec Spec(string workingDirectory, IReadOnlyList<string> arguments, ReadOnlyMemory<byte>? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (string name in InheritedVariablesToDrop)
        {
            variables[name] = null;
        }

        variables["GIT_OPTIONAL_LOCKS"] = "0";
        variables["GIT_TERMINAL_PROMPT"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        return new ProcessSpec(_executable, BuildArguments(arguments))
        {
            WorkingDirectory = workingDirectory,
            Environment = variables,
            StandardInput = stdin,
            CaptureOutput = true,
            ThrowOnNonZeroExit = false,
        };
    }

    /// <summary>Runs git and returns whatever it returned.</summary>
    /// <exception cref="ProcessStartException">git could not be started (not installed, or no such directory).</exception>
    public async Task<GitResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, ReadOnlyMemory<byte>? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        ProcessResult result = await _runner.RunAsync(Spec(workingDirectory, arguments, stdin, environment), cancellationToken).ConfigureAwait(false);
        return new GitResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>Runs git and throws <see cref="GitCommandException"/> unless it exits 0.</summary>
    public async Task<GitResult> RunCheckedAsync(string workingDirectory, IReadOnlyList<string> arguments, ReadOnlyMemory<byte>? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        GitResult result = await RunAsync(workingDirectory, arguments, stdin, environment, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? result : throw new GitCommandException(workingDirectory, arguments, result);
    }
}
