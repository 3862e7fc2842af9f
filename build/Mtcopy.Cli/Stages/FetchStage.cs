using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Stages;

/// <summary>Fetch: turn --kernel= into a git repository and base commit, cached by content.</summary>
public sealed class FetchStage : IStage
{
    public const string StateName = "fetch";

    public string Name => StateName;

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        FetchedBase fetched = await BaseFetch.FetchAsync(context, context.Options.Kernel, cancellationToken).ConfigureAwait(false);
        StateFile.Write(context.Layout.StateDir, StateName, fetched);
        string message = $"{fetched.Description}: Linux {fetched.KernelVersion}, commit {fetched.CommitId[..12]}";
        var details = new Dictionary<string, string>
        {
            ["kernel"] = context.Options.Kernel,
            ["base_commit"] = fetched.CommitId,
            ["base_tree"] = fetched.TreeId,
            ["kernel_version"] = fetched.KernelVersion,
            ["cache_key"] = fetched.CacheKey,
        };
        return fetched.FromCache
            ? StageOutcome.Skip(message + " (already in the cache)") with { Details = details }
            : StageOutcome.Pass(message) with { Details = details };
    }
}
