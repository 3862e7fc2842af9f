using System.Text.Json.Nodes;
using Mtcopy.Core.Bench;
using Mtcopy.Core.Results;

namespace Mtcopy.Core.Report;

/// <summary>
/// Reads the guest throughput back from bench.json (the format is documented at <see cref="BenchJson"/>'s guest part:
/// off and on_t1 .. on_t8 per row, a key absent or null is not measured; the ratio keys are derived and not read);
/// the other parts are not needed here.
/// </summary>
public static class BenchGuestJson
{
    /// <summary>The throughput table, or null when this bench run did not measure the guest.</summary>
    /// <exception cref="FormatException">A key is missing or has the wrong type.</exception>
    public static GuestThroughput? Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root = JsonRead.Document(json, "bench.json");
        if (root["guest"] is null)
        {
            return null;
        }

        JsonObject guest = JsonRead.Object(root["guest"], "guest");
        string unit = JsonRead.String(guest, "unit");
        if (unit != "GB/s")
        {
            throw new FormatException($"bench.json: 'guest.unit' is '{unit}'; this version reads GB/s.");
        }

        var rows = JsonRead.Array(guest, "rows")
            .Select(n => JsonRead.Object(n, "guest.rows[]"))
            .Select(r => new ThroughputRow(JsonRead.String(r, "kind"), Number(r, "off"),
                [.. ThroughputRow.ThreadCounts.Select(threads => Number(r, BenchJson.OnKey(threads)))]))
            .ToList();
        return new GuestThroughput(rows, (int)JsonRead.Int64(guest, "repetitions"))
        {
            Missing = JsonRead.StringList(guest, "missing"),
        };
    }

    private static double? Number(JsonObject row, string key) =>
        row[key] is null ? null : JsonRead.Double(row, key);
}
