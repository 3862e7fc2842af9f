using System.Text;
using Mtcopy.Adapters.Process;

namespace Mtcopy.Adapters.Tests.Sources;

/// <summary>Answers processes from a script (none starts), records their command lines, and throws on a non-zero exit as the real runner does.</summary>
internal sealed class ScriptedRunner(Func<ProcessSpec, ProcessResult> respond) : IProcessRunner
{
    public List<string> Commands { get; } = [];

    public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        Commands.Add(spec.CommandLine);
        ProcessResult result = respond(spec);
        return result.ExitCode != 0 && spec.ThrowOnNonZeroExit
            ? throw new ProcessFailedException(spec, result)
            : Task.FromResult(result);
    }

    public static ProcessResult Ok(string stdout = "") => new(0, TimeSpan.Zero, [], null) { StandardOutput = Encoding.UTF8.GetBytes(stdout) };

    public static ProcessResult Fail(int code, string stderr) => new(code, TimeSpan.Zero, [], null) { StandardError = stderr };

    /// <summary>Behaves like a successful apt-get download: leaves pkg_version_all.deb in the working directory.</summary>
    public static ProcessResult Download(ProcessSpec spec)
    {
        string[] packageAndVersion = spec.Arguments[^1].Split('=');
        File.WriteAllText(Path.Combine(spec.WorkingDirectory!, $"{packageAndVersion[0]}_{packageAndVersion[1]}_all.deb"), "deb " + packageAndVersion[1]);
        return Ok();
    }

    public static string Policy(string candidate) =>
        $"linux-source-6.12:\n  Installed: (none)\n  Candidate: {candidate}\n  Version table:\n     {candidate} 500\n";
}
