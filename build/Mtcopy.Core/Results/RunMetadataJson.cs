using System.Text.Json.Nodes;

namespace Mtcopy.Core.Results;

/// <summary>
/// metadata.json: snake_case keys sorted ordinally, two-space indentation, times as
/// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, durations in seconds rounded to milliseconds.
/// Absent optional values are written as null so the set of keys is always the same.
/// </summary>
public static class RunMetadataJson
{
    public static string Serialize(RunMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return SortedJson.Serialize(new JsonObject
        {
            ["tool_version"] = metadata.ToolVersion,
            ["run_id"] = metadata.RunId,
            ["started_utc"] = JsonRead.FormatTime(metadata.StartedUtc),
            ["finished_utc"] = metadata.FinishedUtc is { } finished ? JsonRead.FormatTime(finished) : null,
            ["command"] = new JsonArray([.. metadata.Command.Select(a => (JsonNode?)a)]),
            ["command_line"] = metadata.CommandLine,
            ["inputs"] = JsonRead.ToJson(metadata.Inputs),
            ["apply"] = metadata.Apply is null ? null : ApplyToJson(metadata.Apply),
            ["stages"] = new JsonArray([.. metadata.Stages.Select(StageToJson)]),
            ["artifacts"] = new JsonArray([.. metadata.Artifacts.Select(ArtifactToJson)]),
        });
    }

    /// <summary>Reads metadata.json back; throws <see cref="FormatException"/> naming a missing or bad key.</summary>
    public static RunMetadata Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root = JsonRead.Document(json, "metadata.json");
        return new RunMetadata
        {
            ToolVersion = JsonRead.String(root, "tool_version"),
            RunId = JsonRead.OptionalString(root, "run_id") ?? "",
            StartedUtc = JsonRead.OptionalTime(root, "started_utc") ?? throw new FormatException("'started_utc' is missing."),
            FinishedUtc = JsonRead.OptionalTime(root, "finished_utc"),
            Command = JsonRead.StringList(root, "command"),
            Inputs = JsonRead.StringMap(root, "inputs"),
            Apply = root["apply"] is null ? null : ApplyFromJson(JsonRead.Object(root["apply"], "apply")),
            Stages = [.. JsonRead.Array(root, "stages").Select(n => StageFromJson(JsonRead.Object(n, "stages[]")))],
            Artifacts = [.. JsonRead.Array(root, "artifacts").Select(n => ArtifactFromJson(JsonRead.Object(n, "artifacts[]")))],
        };
    }

    /// <summary>PASS, FAIL or SKIP.</summary>
    public static string StatusText(StageStatus status) => Enum.IsDefined(status)
        ? status.ToString().ToUpperInvariant()
        : throw new ArgumentOutOfRangeException(nameof(status), status, null);

    private static StageStatus ParseStatus(string text) => text is "PASS" or "FAIL" or "SKIP"
        ? Enum.Parse<StageStatus>(text, ignoreCase: true)
        : throw new FormatException($"'status' must be PASS, FAIL or SKIP, not '{text}'.");

    private static JsonObject ApplyToJson(ApplyResult apply) => new()
    {
        ["base_commit"] = apply.BaseCommit,
        ["result_commit"] = apply.ResultCommit,
        ["result_tree"] = apply.ResultTree,
        ["patches"] = new JsonArray([.. apply.Patches.Select(p => (JsonNode?)new JsonObject
        {
            ["patch"] = p.Patch,
            ["applied"] = p.Applied,
            ["outcome"] = p.Outcome,
            ["commit"] = p.Commit,
            ["message"] = p.Message,
        })]),
    };

    private static ApplyResult ApplyFromJson(JsonObject apply) => new(
        JsonRead.String(apply, "base_commit"),
        JsonRead.OptionalString(apply, "result_commit"),
        JsonRead.OptionalString(apply, "result_tree"),
        [.. JsonRead.Array(apply, "patches").Select(n => JsonRead.Object(n, "patches[]")).Select(p => new PatchRecord(
            JsonRead.String(p, "patch"),
            JsonRead.Boolean(p, "applied"),
            JsonRead.String(p, "outcome"),
            JsonRead.OptionalString(p, "commit"),
            JsonRead.OptionalString(p, "message")))]);

    private static JsonNode StageToJson(StageResult stage) => new JsonObject
    {
        ["name"] = stage.Name,
        ["status"] = StatusText(stage.Status),
        ["duration_seconds"] = Math.Round(stage.DurationSeconds, 3, MidpointRounding.AwayFromZero),
        ["message"] = stage.Message,
        ["details"] = JsonRead.ToJson(stage.Details),
    };

    private static StageResult StageFromJson(JsonObject stage) =>
        new(
            JsonRead.String(stage, "name"),
            ParseStatus(JsonRead.String(stage, "status")),
            JsonRead.Double(stage, "duration_seconds"),
            JsonRead.String(stage, "message"))
        {
            Details = JsonRead.StringMap(stage, "details"),
        };

    private static JsonNode ArtifactToJson(ArtifactRecord artifact) => new JsonObject
    {
        ["path"] = artifact.Path,
        ["size"] = artifact.Size,
        ["sha256"] = artifact.Sha256,
    };

    private static ArtifactRecord ArtifactFromJson(JsonObject artifact) => new(
        JsonRead.String(artifact, "path"),
        JsonRead.Int64(artifact, "size"),
        JsonRead.String(artifact, "sha256"));
}
