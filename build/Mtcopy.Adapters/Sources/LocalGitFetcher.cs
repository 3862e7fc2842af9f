using Mtcopy.Adapters.Process;
using System.Globalization;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Sources;

/// <summary>
/// A directory given by the user: when it is the top of a git repository it is used as it is
/// (its committed HEAD; nothing is written into it), otherwise it is a plain tree for
/// <see cref="DirectoryFetcher"/>.
/// </summary>
internal sealed class LocalGitFetcher(IProcessRunner runner)
{
    /// <summary>The repository at <paramref name="directory"/>, or null when it is not the top of one.</summary>
    public async Task<FetchedBase?> TryFetchAsync(string directory, CancellationToken cancellationToken)
    {
        ProcessResult location = await runner.RunAsync(SourceCommands.GitDescribeLocation(directory) with { ThrowOnNonZeroExit = false }, cancellationToken);
        if (location.ExitCode != 0)
        {
            if (location.StandardError.Contains("dubious ownership", StringComparison.Ordinal))
            {
                throw new KernelFetchException(
                    $"git refuses to read {directory} because another user owns it. If you trust it, run: " +
                    $"git config --global --add safe.directory {directory}");
            }

            return null;
        }

        string[] lines = location.StandardOutputText.Split('\n');
        bool bare = lines[0] == "true";
        bool inWorkTree = lines.Length > 1 && lines[1] == "true";
        string gitDirectory = lines.Length > 2 ? lines[2] : string.Empty;
        string prefix = lines.Length > 3 ? lines[3] : string.Empty;
        bool isTop = bare
            ? string.Equals(Path.TrimEndingDirectorySeparator(gitDirectory), Path.TrimEndingDirectorySeparator(directory), StringComparison.Ordinal)
            : inWorkTree && prefix.Length == 0;
        return isTop ? await DescribeAsync(directory, bare, cancellationToken) : null;
    }

    private async Task<FetchedBase> DescribeAsync(string repository, bool bare, CancellationToken cancellationToken)
    {
        ProcessResult head = await runner.RunAsync(SourceCommands.GitResolveCommit(repository, "HEAD") with { ThrowOnNonZeroExit = false }, cancellationToken);
        if (head.ExitCode != 0)
        {
            throw new KernelFetchException($"The git repository {repository} has no commit at HEAD; commit the kernel tree first.");
        }

        string commitId = head.StandardOutputText.Trim();
        string treeId = await GitQueries.TreeOfAsync(runner, repository, commitId, cancellationToken);
        SourceCacheKey key = SourceCacheKey.ForGitCommit(commitId);
        string description = $"Git repository {repository} at {commitId}";
        string? makefile = await GitQueries.ShowFileAsync(runner, repository, commitId, "Makefile", cancellationToken);
        string kernelVersion = KernelTree.VersionFromMakefile(makefile, $"Commit {commitId} of {repository}");

        var warnings = new List<string>();
        if (!bare)
        {
            ProcessResult status = await runner.RunAsync(SourceCommands.GitTrackedChanges(repository), cancellationToken);
            int changed = status.StandardOutputText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            if (changed > 0)
            {
                warnings.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{repository} has uncommitted changes in {changed} tracked file(s); they are ignored: the pipeline uses the committed HEAD {commitId}."));
            }
        }

        return new FetchedBase(repository, commitId, treeId, description, kernelVersion, key.Value, warnings);
    }
}
