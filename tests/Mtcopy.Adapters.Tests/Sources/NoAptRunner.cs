using Mtcopy.Adapters.Process;

namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>Runs real tools through a <see cref="ProcessRunner"/>, records every process, and refuses apt (no network in tests).</summary>
internal sealed class NoAptRunner : IProcessRunner
{
    private readonly ProcessRunner inner = new();

    public List<ProcessSpec> Commands { get; } = [];

    public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        Commands.Add(spec);
        if (spec.Program.StartsWith("apt", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Test tried to run {spec.CommandLine}.");
        }

        return inner.RunAsync(spec, cancellationToken);
    }

    public int Count(string program, string firstArgument) =>
        Commands.Count(c => c.Program == program && c.Arguments.Contains(firstArgument));
}
