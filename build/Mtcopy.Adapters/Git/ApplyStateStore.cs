using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mtcopy.Adapters.Git;

/// <summary>Reads and writes <see cref="ApplyState"/> as JSON in the worktree's private git directory.</summary>
internal static class ApplyStateStore
{
    public const string FileName = "mtcopy-apply-state.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string PathFor(Workspace workspace) => Path.Combine(workspace.GitDir, FileName);

    /// <summary>Writes via a temporary file and a rename, so a reader never sees half a file.</summary>
    public static string Write(Workspace workspace, ApplyState state)
    {
        var path = PathFor(workspace);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(state, Json));
        File.Move(temp, path, overwrite: true);
        return path;
    }

    public static ApplyState? Read(Workspace workspace)
    {
        var path = PathFor(workspace);
        return File.Exists(path) ? JsonSerializer.Deserialize<ApplyState>(File.ReadAllText(path), Json) : null;
    }

    public static void Delete(Workspace workspace) => File.Delete(PathFor(workspace));
}
