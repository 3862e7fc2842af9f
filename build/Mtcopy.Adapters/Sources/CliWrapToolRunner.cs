using CliWrap;
using CliWrap.Buffered;

namespace Mtcopy.Adapters.Sources;

/// <summary>
/// Runs tools with CliWrap: argument lists, buffered output, LC_ALL=C (messages are parsed) and
/// no inherited GIT_DIR-style variables that would point git at another repository.
/// </summary>
internal sealed class CliWrapToolRunner : IToolRunner
{
    private static readonly string[] ClearedVariables =
        ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR", "GIT_ALTERNATE_OBJECT_DIRECTORIES"];

    public async Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["LC_ALL"] = "C" };
        foreach (string name in ClearedVariables)
        {
            environment[name] = null;
        }

        foreach (KeyValuePair<string, string?> pair in command.Environment)
        {
            environment[pair.Key] = pair.Value;
        }

        Command cli = Cli.Wrap(command.Program)
            .WithArguments(command.Arguments)
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None);
        if (command.WorkingDirectory is not null)
        {
            cli = cli.WithWorkingDirectory(command.WorkingDirectory);
        }

        BufferedCommandResult result = await cli.ExecuteBufferedAsync(cancellationToken);
        return new ToolResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
