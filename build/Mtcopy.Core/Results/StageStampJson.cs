using System.Text.Json.Nodes;

namespace Mtcopy.Core.Results;

/// <summary>The JSON form of a <see cref="StageStamp"/> (sorted keys, stable).</summary>
public static class StageStampJson
{
    public static string Serialize(StageStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var outputs = new JsonArray();
        foreach (StampedOutput output in stamp.Outputs)
        {
            outputs.Add(new JsonObject { ["path"] = output.Path, ["sha256"] = output.Sha256 });
        }

        return SortedJson.Serialize(new JsonObject
        {
            ["stage"] = stamp.Stage,
            ["key"] = stamp.Key,
            ["inputs"] = JsonRead.ToJson(stamp.Inputs),
            ["outputs"] = outputs,
        });
    }

    /// <summary>Parses a stamp; throws <see cref="FormatException"/> when it is damaged.</summary>
    public static StageStamp Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root = JsonRead.Document(json, "stage stamp");
        var outputs = JsonRead.Array(root, "outputs")
            .Select(node => JsonRead.Object(node, "outputs[]"))
            .Select(o => new StampedOutput(JsonRead.String(o, "path"), JsonRead.String(o, "sha256")))
            .ToList();
        return new StageStamp(
            JsonRead.String(root, "stage"),
            JsonRead.String(root, "key"),
            JsonRead.StringMap(root, "inputs"),
            outputs);
    }
}
