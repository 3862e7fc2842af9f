using Mtcopy.Adapters.Process;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Sources;

/// <summary>
/// <c>git:&lt;url&gt;@&lt;ref&gt;</c>: a shallow fetch of one branch, tag or commit id into a cache
/// repository keyed by url and ref, reused while present.
/// </summary>
internal sealed class GitRemoteFetcher(SourceCache cache, IProcessRunner runner, Action<string> progress)
{
    private static readonly string[] UserMistakes =
    [
        "couldn't find remote ref",
        "does not appear to be a git repository",
        "Repository not found",
        "not our ref",
        "unadvertised object",
        "No such file or directory",
    ];

    public async Task<FetchedBase> FetchAsync(GitRemoteSource source, CancellationToken cancellationToken)
    {
        SourceCacheKey key = SourceCacheKey.ForGitRemote(source.Url, source.Ref);
        if (cache.TryLoad(key) is { } cached)
        {
            return cached;
        }

        string url = AbsoluteIfLocalPath(source.Url);
        string staging = cache.NewTemporaryPath(key, "clone");
        try
        {
            progress($"Fetching {source.Ref} from {source.Url}...");
            await runner.RunAsync(SourceCommands.GitInitClone(staging), cancellationToken);
            ProcessSpec fetch = SourceCommands.GitFetchShallow(staging, url, source.Ref);
            ProcessResult fetched = await runner.RunAsync(fetch with { ThrowOnNonZeroExit = false }, cancellationToken);
            if (fetched.ExitCode != 0)
            {
                var failure = new ProcessFailedException(fetch, fetched);
                throw UserMistakes.Any(m => fetched.StandardError.Contains(m, StringComparison.Ordinal))
                    ? new KernelFetchException(
                        $"Could not fetch {source.Ref} from {source.Url}: {fetched.StandardError.Trim()}\nCheck the url and the ref in --kernel=git:<url>@<ref>.",
                        failure)
                    : failure;
            }

            await runner.RunAsync(SourceCommands.GitCheckoutFetched(staging), cancellationToken);
            string commitId = await GitQueries.ResolveCommitAsync(runner, staging, "HEAD", cancellationToken);
            string treeId = await GitQueries.TreeOfAsync(runner, staging, commitId, cancellationToken);
            string? makefile = await GitQueries.ShowFileAsync(runner, staging, commitId, "Makefile", cancellationToken);
            string kernelVersion = KernelTree.VersionFromMakefile(makefile, $"{key.Description} ({commitId})");
            var result = new FetchedBase(staging, commitId, treeId, $"{key.Description} ({commitId})", kernelVersion, key.Value, []);
            return cache.Publish(staging, result);
        }
        finally
        {
            SourceCache.DeleteQuietly(staging);
        }
    }

    /// <summary>git resolves a relative local path against its -C directory, so make it absolute first.</summary>
    private static string AbsoluteIfLocalPath(string url) =>
        !url.Contains("://", StringComparison.Ordinal) && Directory.Exists(url) ? Path.GetFullPath(url) : url;
}
