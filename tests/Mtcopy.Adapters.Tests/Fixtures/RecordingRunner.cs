using Mtcopy.Adapters.Process;

namespace Mtcopy.Adapters.Tests.Fixtures;

/// <summary>
/// Wraps the real <see cref="ProcessRunner"/>: records every spec it is given and adds extra
/// environment variables (e.g. FAKE_FAIL) without touching this test process's environment.
/// </summary>
public sealed class RecordingRunner(IReadOnlyDictionary<string, string?>? extraEnvironment = null) : IProcessRunner
{
    private readonly ProcessRunner _inner = new();

    public List<ProcessSpec> Specs { get; } = [];

    public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        Specs.Add(spec);
        var environment = new Dictionary<string, string?>(spec.Environment, StringComparer.Ordinal);
        foreach ((string name, string? value) in extraEnvironment ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return _inner.RunAsync(spec with { Environment = environment }, cancellationToken);
    }
}
