using Mtcopy.Core.Results;

namespace Mtcopy.Cli;

/// <summary>What a stage reports: PASS or SKIP (up to date) with a message, details and the artifacts it left.</summary>
public sealed record StageOutcome(StageStatus Status, string Message)
{
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>Artifact files (absolute paths under the output directory) to record with their sha256.</summary>
    public IReadOnlyList<string> Artifacts { get; init; } = [];

    public static StageOutcome Pass(string message) => new(StageStatus.Pass, message);

    public static StageOutcome Skip(string message) => new(StageStatus.Skip, message);
}
