namespace Mtcopy.Adapters.Sources;

internal static class ToolRunnerExtensions
{
    /// <summary>Runs the command and throws <see cref="ExternalToolException"/> unless it exits with 0.</summary>
    public static async Task<ToolResult> RunCheckedAsync(this IToolRunner runner, ToolCommand command, CancellationToken cancellationToken)
    {
        ToolResult result = await runner.RunAsync(command, cancellationToken);
        return result.Succeeded ? result : throw ExternalToolException.From(command, result);
    }
}
