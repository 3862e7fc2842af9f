using Mtcopy.Adapters.Sources;

namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>Answers commands from a script (no process starts) and records them.</summary>
internal sealed class ScriptedToolRunner(Func<ToolCommand, ToolResult> respond) : IToolRunner
{
    public List<string> Commands { get; } = [];

    public Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken)
    {
        Commands.Add(command.Display);
        return Task.FromResult(respond(command));
    }

    public static ToolResult Ok(string stdout = "") => new(0, stdout, "");

    public static ToolResult Fail(int code, string stderr) => new(code, "", stderr);

    /// <summary>Behaves like a successful apt-get download: leaves pkg_version_all.deb in the working directory.</summary>
    public static ToolResult Download(ToolCommand command)
    {
        string[] packageAndVersion = command.Arguments[^1].Split('=');
        File.WriteAllText(Path.Combine(command.WorkingDirectory!, $"{packageAndVersion[0]}_{packageAndVersion[1]}_all.deb"), "deb " + packageAndVersion[1]);
        return Ok();
    }

    public static string Policy(string candidate) =>
        $"linux-source-6.12:\n  Installed: (none)\n  Candidate: {candidate}\n  Version table:\n     {candidate} 500\n";
}
