using Mtcopy.Adapters.Git;
using Mtcopy.Core.Sources;

namespace Mtcopy.Cli.Stages;

/// <summary>
/// Clean: remove our worktree and branch, then the output directory. The source cache stays. Only an output
/// directory the pipeline made (<see cref="OutputDirectory"/>) is deleted; anything else is refused before anything is touched.
/// </summary>
public sealed class CleanStage : IStage
{
    public string Name => "clean";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Directory.Exists(context.Layout.OutDir))
        {
            OutputDirectory.RequireDeletable(context.Layout.OutDir, context.Layout.RepoRoot);
        }

        var git = context.Git;
        string fetchState = Path.Combine(context.Layout.StateDir, FetchStage.StateName + ".json");
        string applyState = Path.Combine(context.Layout.StateDir, ApplyStage.StateName + ".json");
        if (File.Exists(fetchState) && File.Exists(applyState))
        {
            var fetched = StateFile.Read<FetchedBase>(context.Layout.StateDir, FetchStage.StateName);
            var applied = StateFile.Read<AppliedSeries>(context.Layout.StateDir, ApplyStage.StateName);
            var spec = new WorkspaceSpec(fetched.RepoPath, fetched.CommitId, applied.Branch, applied.Worktree);
            await new GitWorkspace(git).RemoveAsync(spec, cancellationToken).ConfigureAwait(false);
        }

        if (Directory.Exists(context.Layout.OutDir))
        {
            Directory.Delete(context.Layout.OutDir, recursive: true);
        }

        string bases = Path.Combine(context.Layout.CacheDir, "bases");
        if (Directory.Exists(bases))
        {
            // Other worktrees we made in the cached base (the unpatched tree of the package smoke)
            // went with the output directory: forget them.
            foreach (string repo in Directory.EnumerateDirectories(bases))
            {
                await git.RunAsync(repo, ["worktree", "prune"], cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        return StageOutcome.Pass($"removed {context.Layout.OutDir}; the source cache in {context.Layout.CacheDir} stays");
    }
}
