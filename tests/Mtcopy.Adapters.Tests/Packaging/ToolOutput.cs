using Mtcopy.Adapters.Process;
using Mtcopy.Core.Packaging;

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

    /// <summary>What <c>rpm -qp</c> says about a package file: its files, requirements, scriptlets or header, one line each.</summary>
    public static async Task<IReadOnlyList<string>> RpmQueryAsync(string rpmPath, RpmQueryKind kind)
    {
        ToolCommand command = PackagingCommands.RpmQuery(rpmPath, kind);
        var lines = new List<string>();
        await new ProcessRunner().RunAsync(new ProcessSpec(command.Program, command.Arguments) { Environment = command.Environment, OnLine = lines.Add });
        return lines;
    }

    /// <summary>True when the program is an executable file on PATH.</summary>
    public static bool IsOnPath(string program) =>
        ProgramPath.Find(program, Environment.GetEnvironmentVariable("PATH")) is not null;
}
