namespace Mtcopy.Core.Results;

/// <summary>
/// The content of metadata.json: written when a run starts (no <see cref="FinishedUtc"/>)
/// and rewritten when it ends. Update it with <c>with</c> expressions.
/// </summary>
public sealed record RunMetadata
{
    public required string ToolVersion { get; init; }

    /// <summary>Ties together the stages of one pipeline run, each a separate process.</summary>
    public string RunId { get; init; } = "";

    public required DateTimeOffset StartedUtc { get; init; }

    public DateTimeOffset? FinishedUtc { get; init; }

    /// <summary>The argument vector that reproduces the run, program first.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Input name to SHA-256 (or a literal such as a tree id).</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    public ApplyResult? Apply { get; init; }

    public IReadOnlyList<StageResult> Stages { get; init; } = [];

    public IReadOnlyList<ArtifactRecord> Artifacts { get; init; } = [];

    /// <summary>The command as one shell-quoted line, for copy and paste.</summary>
    public string CommandLine => ShellQuoting.Join(Command);

    /// <summary>Adds a stage, replacing an earlier result with the same name.</summary>
    public RunMetadata WithStage(StageResult stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return this with
        {
            Stages = [.. Stages.Where(s => !string.Equals(s.Name, stage.Name, StringComparison.Ordinal)), stage],
        };
    }
}
