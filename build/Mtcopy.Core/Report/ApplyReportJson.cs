using System.Text.Json;
using Mtcopy.Core.Results;

namespace Mtcopy.Core.Report;

/// <summary>apply-report.json: snake_case keys sorted, enums as snake_case words, so equal reports give equal bytes.</summary>
public static class ApplyReportJson
{
    private static JsonSerializerOptions Options => SortedJson.StrictRecordOptions;

    public static string Serialize(ApplyReportFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return SortedJson.Serialize(JsonSerializer.SerializeToNode(file, Options));
    }

    /// <exception cref="FormatException">Not an apply-report.json this version writes.</exception>
    public static ApplyReportFile Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<ApplyReportFile>(json, Options)
                ?? throw new FormatException($"{ApplyReportFile.FileName} is empty.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{ApplyReportFile.FileName} is not readable: {e.Message}", e);
        }
    }
}
