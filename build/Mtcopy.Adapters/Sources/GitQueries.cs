using Mtcopy.Adapters.Process;
namespace Mtcopy.Adapters.Sources;

/// <summary>Read-only git questions; none of them writes into the repository.</summary>
internal static class GitQueries
{
    public static async Task<string> ResolveCommitAsync(IProcessRunner runner, string repository, string revision, CancellationToken cancellationToken) =>
        (await runner.RunAsync(SourceCommands.GitResolveCommit(repository, revision), cancellationToken)).StandardOutputText.Trim();

    public static async Task<string> TreeOfAsync(IProcessRunner runner, string repository, string commitId, CancellationToken cancellationToken) =>
        (await runner.RunAsync(SourceCommands.GitTreeOf(repository, commitId), cancellationToken)).StandardOutputText.Trim();

    /// <summary>The file's text at <paramref name="commitId"/>, or null when the commit has no such file.</summary>
    public static async Task<string?> ShowFileAsync(IProcessRunner runner, string repository, string commitId, string path, CancellationToken cancellationToken)
    {
        ProcessResult result = await runner.RunAsync(SourceCommands.GitShowFile(repository, commitId, path) with { ThrowOnNonZeroExit = false }, cancellationToken);
        return result.ExitCode == 0 ? result.StandardOutputText : null;
    }
}
