using Mtcopy.Adapters.Process;
using Mtcopy.Core.Packaging;

namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// One package smoke at work, the part the .deb smoke (<see cref="DkmsPackageSmoke"/>) and the rpm smoke
/// (<see cref="RpmPackageSmoke"/>) share: a scratch root standing in for / (created empty, with the directories
/// every such system has and the packages do not own), a log of each command line and its output, the checks so
/// far, and the closing check that removing the packages left the root as it was. What differs, the dpkg and
/// dkms or rpm commands, stays with each smoke.
/// </summary>
internal sealed class PackageSmokeSession(IProcessRunner runner, ScratchRoot root, string log)
{
    public ScratchRoot Root => root;

    public List<PackageSmokeCheck> Checks { get; } = [];

    /// <summary>An empty log <paramref name="logFileName"/> and an empty root &lt;scratch&gt;/&lt;rootName&gt; holding <paramref name="skeleton"/>.</summary>
    public static PackageSmokeSession Start(IProcessRunner runner, string scratchDir, string rootName, IReadOnlyList<string> skeleton,
        string logDir, string logFileName)
    {
        string log = Path.Combine(Path.GetFullPath(logDir), logFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllText(log, string.Empty);
        ScratchRoot root = ScratchRoot.CreateEmpty(Path.Combine(scratchDir, rootName));
        foreach (string directory in skeleton)
        {
            Directory.CreateDirectory(root.PathOf(directory));
        }

        return new PackageSmokeSession(runner, root, log);
    }

    public void Check(string name, bool ok, string detail) => Checks.Add(PackageSmokeCheck.That(name, ok, detail));

    /// <summary>Runs <paramref name="command"/>, its line and output logged (not when <paramref name="logged"/> is false: a file list of thousands of lines); a failure is an exit code, not an exception.</summary>
    public async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunAsync(ToolCommand command, CancellationToken cancellationToken, bool logged = true)
    {
        if (logged)
        {
            await File.AppendAllTextAsync(log, "$ " + command.CommandLine + "\n", cancellationToken).ConfigureAwait(false);
        }

        (ProcessResult result, IReadOnlyList<string> lines) = await ToolRun.RunAsync(runner, command, logged ? log : null, throwOnNonZeroExit: false, cancellationToken)
            .ConfigureAwait(false);
        return (result.ExitCode, lines);
    }

    /// <summary>Asks a package file about itself (dpkg-deb -c, rpm -qp); the output lines, without rpm's own warnings.</summary>
    /// <exception cref="ProcessFailedException">The tool failed (e.g. not a package).</exception>
    public async Task<IReadOnlyList<string>> QueryAsync(ToolCommand command, bool logged, CancellationToken cancellationToken)
    {
        (_, IReadOnlyList<string> lines) = await ToolRun.RunAsync(runner, command, logged ? log : null, throwOnNonZeroExit: true, cancellationToken)
            .ConfigureAwait(false);
        return [.. lines.Where(l => !l.StartsWith("rpm: ", StringComparison.Ordinal))];
    }

    /// <summary>
    /// The closing check <paramref name="name"/>: the root holds nothing that was not in <paramref name="before"/> (but under
    /// <paramref name="ignoredPrefixes"/>), and <paramref name="removedOk"/>; then the report of every check.
    /// </summary>
    public PackageSmokeReport Finish(string name, IReadOnlyList<string> before, bool removedOk, string removal, IReadOnlyList<string>? ignoredPrefixes,
        string? dkmsModule)
    {
        IReadOnlyList<string> after = Root.List();
        IReadOnlyList<string> left = TreeListing.Added(before, after, ignoredPrefixes);
        Check(name, removedOk && left.Count == 0, removal + (left.Count == 0
            ? $"scratch root as before ({before.Count} entries before, {after.Count} after)"
            : "left behind: " + string.Join(", ", left.Take(10))));
        return new PackageSmokeReport(Checks, before, after, dkmsModule);
    }
}
