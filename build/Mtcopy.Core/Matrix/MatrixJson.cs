using System.Text.Json;
using System.Text.Json.Nodes;
using Mtcopy.Core.Results;
using Mtcopy.Core;

namespace Mtcopy.Core.Matrix;

/// <summary>matrix.json: the report with a schema version, keys sorted, so equal results give equal bytes.</summary>
public static class MatrixJson
{
    private static JsonSerializerOptions Options => SortedJson.StrictRecordOptions;

    public static string Serialize(MatrixReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        JsonObject root = JsonSerializer.SerializeToNode(report, Options)!.AsObject();
        root["schema"] = MatrixReport.SchemaVersion;
        return SortedJson.Serialize(root);
    }

    /// <summary>Reads a matrix.json; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="UserErrorException">Not a matrix.json of a schema this version reads.</exception>
    public static MatrixReport Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            JsonObject root = JsonNode.Parse(json)?.AsObject()
                ?? throw new UserErrorException($"{source} is empty; give the matrix.json a Matrix run wrote.");
            int schema = root["schema"]?.GetValue<int>()
                ?? throw new UserErrorException($"{source} has no \"schema\" key: it is not a matrix.json.");
            if (schema is < MatrixReport.OldestSchemaRead or > MatrixReport.SchemaVersion)
            {
                throw new UserErrorException(
                    $"{source} has schema {schema}; this mtcopy reads schemas {MatrixReport.OldestSchemaRead} to {MatrixReport.SchemaVersion}. Re-run the matrix with this version.");
            }

            root.Remove("schema");
            return root.Deserialize<MatrixReport>(Options)
                ?? throw new UserErrorException($"{source} is empty.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new UserErrorException($"{source} is not a readable matrix.json: {e.Message}", e);
        }
    }
}
