namespace Mtcopy.Adapters.Sources;

/// <summary>Read-only git questions; none of them writes into the repository.</summary>
internal static class GitQueries
{
    public static async Task<string> ResolveCommitAsync(IToolRunner runner, string repository, string revision, CancellationToken cancellationToken) =>
        (await runner.RunCheckedAsync(SourceCommands.GitResolveCommit(repository, revision), cancellationToken)).StandardOutput.Trim();

    public static async Task<string> TreeOfAsync(IToolRunner runner, string repository, string commitId, CancellationToken cancellationToken) =>
        (await runner.RunCheckedAsync(SourceCommands.GitTreeOf(repository, commitId), cancellationToken)).StandardOutput.Trim();

    /// <summary>The file's text at <paramref name="commitId"/>, or null when the commit has no such file.</summary>
    public static async Task<string?> ShowFileAsync(IToolRunner runner, string repository, string commitId, string path, CancellationToken cancellationToken)
    {
        ToolResult result = await runner.RunAsync(SourceCommands.GitShowFile(repository, commitId, path), cancellationToken);
        return result.Succeeded ? result.StandardOutput : null;
    }
}
