using Mtcopy.Adapters.Process;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>Asks <c>rpm -qp</c> about a package file: its files, requirements or scriptlets, one line each.</summary>
public sealed class RpmInspector(IProcessRunner runner)
{
    /// <exception cref="ProcessFailedException">rpm failed (e.g. not a package).</exception>
    public async Task<IReadOnlyList<string>> QueryAsync(string rpmPath, RpmQueryKind kind, CancellationToken cancellationToken = default)
    {
        (_, IReadOnlyList<string> lines) = await ToolRun
            .RunAsync(runner, PackagingCommands.RpmQuery(rpmPath, kind), logPath: null, throwOnNonZeroExit: true, cancellationToken)
            .ConfigureAwait(false);
        return lines;
    }
}
