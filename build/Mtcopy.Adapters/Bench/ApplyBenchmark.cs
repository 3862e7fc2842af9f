using System.Diagnostics;
using Mtcopy.Adapters.Git;
using Mtcopy.Core.Bench;
using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Bench;

/// <summary>
/// Times our <see cref="SeriesApplier"/> against <c>git am</c> on the same base and patches, each in a
/// scratch worktree, and reads both result trees. The order keeps the comparison fair: git am's
/// checkout runs first (it warms the page cache for every checkout after it), then our checkout
/// alone (the <see cref="GitWorkspace.CreateAsync"/> call the applier makes), then our applier
/// (checkout and apply), then git am. Every worktree and branch made here is removed at the end,
/// then <c>git worktree prune</c>.
/// </summary>
public sealed class ApplyBenchmark(GitCli git)
{
    public const string OursDirectory = "ours";
    public const string GitAmDirectory = "git-am";

    /// <exception cref="GitCommandException">A git command failed, git am included (its output is in the message).</exception>
    /// <exception cref="BenchSetupException">Our applier stopped on a patch: the series does not apply onto this base.</exception>
    public async Task<ApplyComparison> RunAsync(ApplyBenchRequest request, Action<string>? onNote = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PatchFiles.Count == 0 || request.Patches.Count == 0)
        {
            throw new BenchSetupException("The series has no patches to apply.");
        }

        string scratch = Path.GetFullPath(request.ScratchDir);
        string ours = Path.Combine(scratch, OursDirectory);
        string am = Path.Combine(scratch, GitAmDirectory);
        var spec = new WorkspaceSpec(request.RepositoryPath, request.BaseCommit, request.BranchName, ours);
        var applyRequest = new ApplyRequest(spec, ApplyOptions.Default);
        var workspaces = new GitWorkspace(git);
        var applier = new SeriesApplier(git);
        string repository = await workspaces.FindRepositoryAsync(request.RepositoryPath, cancellationToken).ConfigureAwait(false);
        await RemoveLeftoversAsync(repository, scratch, am, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(scratch);
        try
        {
            TimeSpan amCheckout = await TimeAsync(() => git.RunCheckedAsync(repository,
                ["worktree", "add", "--quiet", "--detach", am, request.BaseCommit], cancellationToken: cancellationToken)).ConfigureAwait(false);
            onNote?.Invoke($"git worktree add --detach: {amCheckout.TotalSeconds:0.0} s");

            TimeSpan oursCheckout = await TimeAsync(() => workspaces.CreateAsync(spec, cancellationToken)).ConfigureAwait(false);
            await workspaces.RemoveAsync(spec, cancellationToken).ConfigureAwait(false);
            onNote?.Invoke($"our checkout alone: {oursCheckout.TotalSeconds:0.0} s");

            SeriesResult result = null!;
            TimeSpan oursTotal = await TimeAsync(async () => result = await applier.ApplyAsync(applyRequest, request.Patches, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new BenchSetupException($"Our applier stopped on a patch in {ours}: the series does not apply onto {request.BaseCommit}; run ./build.sh --target=Apply to see why.");
            }

            onNote?.Invoke($"SeriesApplier (checkout and apply): {oursTotal.TotalSeconds:0.0} s");

            TimeSpan amApply = await TimeAsync(() => git.RunCheckedAsync(am, ["am", "--quiet", .. request.PatchFiles],
                environment: Identity, cancellationToken: cancellationToken)).ConfigureAwait(false);
            onNote?.Invoke($"git am: {amApply.TotalSeconds:0.0} s");
            string amTree = (await git.RunCheckedAsync(am, ["rev-parse", "--verify", "HEAD^{tree}"], cancellationToken: cancellationToken).ConfigureAwait(false)).FirstLine;

            return new ApplyComparison(request.BaseCommit, request.Patches.Count,
                oursCheckout.TotalSeconds, oursTotal.TotalSeconds, result.TreeId, amCheckout.TotalSeconds, amApply.TotalSeconds, amTree);
        }
        finally
        {
            await applier.AbortAsync(applyRequest, CancellationToken.None).ConfigureAwait(false);
            await RemoveLeftoversAsync(repository, scratch, am, CancellationToken.None).ConfigureAwait(false);
        }
    }

    // git am needs a committer; the author comes from each mail.
    private static readonly Dictionary<string, string> Identity = new(StringComparer.Ordinal)
    {
        ["GIT_COMMITTER_NAME"] = "mtcopy bench",
        ["GIT_COMMITTER_EMAIL"] = "bench@mtcopy.invalid",
    };

    /// <summary>Removes git am's worktree (a stopped am included) and the scratch directory, then prunes stale worktree entries.</summary>
    private async Task RemoveLeftoversAsync(string repository, string scratch, string am, CancellationToken cancellationToken)
    {
        if (Directory.Exists(am))
        {
            await git.RunAsync(repository, ["worktree", "remove", "--force", "--force", am], cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        await git.RunCheckedAsync(repository, ["worktree", "prune"], cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work().ConfigureAwait(false);
        return clock.Elapsed;
    }
}
