using Mtcopy.Adapters.Sources;

namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>Runs real tools through an inner runner, records every command, and refuses apt (no network in tests).</summary>
internal sealed class RecordingToolRunner(IToolRunner inner) : IToolRunner
{
    public List<ToolCommand> Commands { get; } = [];

    public Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken)
    {
        Commands.Add(command);
        if (command.Program.StartsWith("apt", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Test tried to run {command.Display}.");
        }

        return inner.RunAsync(command, cancellationToken);
    }

    public int Count(string program, string firstArgument) =>
        Commands.Count(c => c.Program == program && c.Arguments.Contains(firstArgument));
}
