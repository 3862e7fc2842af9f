using Mtcopy.Adapters.Process;

namespace Mtcopy.Adapters.Tests.Packaging;

/// <summary>Runs a command for a test and returns its output lines.</summary>
internal static class ToolOutput
{
    public static async Task<IReadOnlyList<string>> LinesAsync(string program, params string[] arguments)
    {
        var lines = new List<string>();
        await new ProcessRunner().RunAsync(new ProcessSpec(program, arguments) { OnLine = lines.Add });
        return lines;
    }

    /// <summary>True when the program is an executable file on PATH.</summary>
    public static bool IsOnPath(string program) =>
        ProgramPath.Find(program, Environment.GetEnvironmentVariable("PATH")) is not null;
}
