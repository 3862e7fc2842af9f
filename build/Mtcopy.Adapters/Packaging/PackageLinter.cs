using Mtcopy.Adapters.Process;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>Runs lintian on a .deb and rpmlint on a .rpm; a linter that is not installed gives a Failed report (a lint that did not run is no pass).</summary>
public sealed class PackageLinter(IProcessRunner runner)
{
    /// <summary>Path of the rpmlint filters (with a reason for each) relative to the repository root.</summary>
    public const string RpmlintConfig = "packaging/rpm/rpmlint.toml";

    public Task<LintReport> LintDebAsync(string debPath, string? logPath = null, CancellationToken cancellationToken = default) =>
        RunAsync("lintian", debPath, PackagingCommands.Lintian(debPath), logPath, cancellationToken);

    /// <param name="configPath">rpmlint TOML configuration (filters), e.g. <see cref="RpmlintConfig"/> under the repository root.</param>
    public Task<LintReport> LintRpmAsync(string rpmPath, string? configPath, string? logPath = null, CancellationToken cancellationToken = default) =>
        RunAsync("rpmlint", rpmPath, PackagingCommands.Rpmlint(rpmPath, configPath), logPath, cancellationToken);

    private async Task<LintReport> RunAsync(string tool, string packagePath, ToolCommand command, string? logPath, CancellationToken cancellationToken)
    {
        try
        {
            (ProcessResult result, IReadOnlyList<string> lines) = await ToolRun
                .RunAsync(runner, command, logPath, throwOnNonZeroExit: false, cancellationToken)
                .ConfigureAwait(false);
            return LintReport.FromRun(tool, packagePath, result.ExitCode, lines);
        }
        catch (ProcessStartException)
        {
            return LintReport.NotInstalled(tool, packagePath);
        }
    }
}
