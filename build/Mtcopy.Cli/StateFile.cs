using System.Text.Json;
using Mtcopy.Adapters.Results;
using Mtcopy.Core;

namespace Mtcopy.Cli;

/// <summary>
/// One stage's result, kept as JSON under the state directory, for the stages after it:
/// data flows one way, from a stage to the ones that follow.
/// </summary>
public static class StateFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static void Write<T>(string stateDir, string stage, T value)
    {
        Directory.CreateDirectory(stateDir);
        AtomicFile.WriteAllText(PathFor(stateDir, stage), JsonSerializer.Serialize(value, Options) + "\n");
    }

    public static T Read<T>(string stateDir, string stage)
    {
        string path = PathFor(stateDir, stage);
        if (!File.Exists(path))
        {
            throw new UserErrorException($"Stage '{stage}' has not run for this output directory ({path} is missing): run ./build.sh --target={char.ToUpperInvariant(stage[0])}{stage[1..]} first.");
        }

        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    public static void Delete(string stateDir, string stage) => File.Delete(PathFor(stateDir, stage));

    public static string PathFor(string stateDir, string stage) => Path.Combine(stateDir, stage + ".json");
}
