using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mtcopy.Adapters.Rebase;

/// <summary>Reads and writes <see cref="RebaseState"/> (written via a temporary file and a rename).</summary>
public static class RebaseStateStore
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string PathIn(string workDirectory) => Path.Combine(workDirectory, RebaseState.FileName);

    public static RebaseState? Read(string workDirectory)
    {
        string path = PathIn(workDirectory);
        return File.Exists(path) ? JsonSerializer.Deserialize<RebaseState>(File.ReadAllText(path), Options) : null;
    }

    public static string Write(string workDirectory, RebaseState state)
    {
        string path = PathIn(workDirectory);
        Results.AtomicFile.WriteAllText(path, JsonSerializer.Serialize(state, Options) + "\n");
        return path;
    }
}
