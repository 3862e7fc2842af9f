using System.Diagnostics;
using Mtcopy.Adapters.Git;
using Mtcopy.Core.Bench;
using Mtcopy.Core.Patching;
using Mtcopy.Core;

namespace Mtcopy.Adapters.Bench;

/// <summary>
/// Times our <see cref="SeriesApplier"/> against <c>git am</c> on the same base and patches, each in a
/// scratch worktree, and reads both result trees. git am's checkout runs first (it warms the page cache
/// for ours), then our applier, then git am. Our applier makes its worktree itself: while it runs,
/// <c>GIT_TRACE2_EVENT</c> is set for this process so its git children log their exit times, and its
/// checkout is the span until its <c>git worktree add</c> exited. Every worktree and branch made here is
/// removed at the end, then <c>git worktree prune</c>.
/// </summary>
public sealed class ApplyBenchmark(GitCli git)
{
    public const string OursDirectory = "ours";
    public const string GitAmDirectory = "git-am";
    public const string TraceFileName = "ours.trace2.json";

    private const string TraceVariable = "GIT_TRACE2_EVENT";

    /// <exception cref="GitCommandException">A git command failed, git am included (its output is in the message).</exception>
    /// <exception cref="UserErrorException">Our applier stopped on a patch: the series does not apply onto this base.</exception>
    public async Task<ApplyComparison> RunAsync(ApplyBenchRequest request, Action<string>? onNote = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PatchFiles.Count == 0 || request.Patches.Count == 0)
        {
            throw new UserErrorException("The series has no patches to apply.");
        }

        string scratch = Path.GetFullPath(request.ScratchDir);
        string ours = Path.Combine(scratch, OursDirectory);
        string am = Path.Combine(scratch, GitAmDirectory);
        string trace = Path.Combine(Path.GetDirectoryName(scratch)!, TraceFileName);
        var spec = new WorkspaceSpec(request.RepositoryPath, request.BaseCommit, request.BranchName, ours);
        var applyRequest = new ApplyRequest(spec, ApplyOptions.Default);
        var applier = new SeriesApplier(git);
        string repository = await new GitWorkspace(git).FindRepositoryAsync(request.RepositoryPath, cancellationToken).ConfigureAwait(false);
        await RemoveLeftoversAsync(repository, scratch, am, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(scratch);
        try
        {
            TimeSpan amCheckout = await TimeAsync(() => git.RunCheckedAsync(repository,
                ["worktree", "add", "--quiet", "--detach", am, request.BaseCommit], cancellationToken: cancellationToken)).ConfigureAwait(false);
            onNote?.Invoke($"git worktree add --detach: {amCheckout.TotalSeconds:0.0} s");

            (SeriesResult result, TimeSpan oursCheckout, TimeSpan oursApply) = await ApplyTracedAsync(applier, applyRequest, request, ours, trace, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new UserErrorException($"Our applier stopped on a patch in {ours}: the series does not apply onto {request.BaseCommit}; run ./build.sh --target=Apply to see why.");
            }

            onNote?.Invoke($"SeriesApplier: checkout {oursCheckout.TotalSeconds:0.0} s, apply {oursApply.TotalSeconds:0.0} s");

            TimeSpan amApply = await TimeAsync(() => git.RunCheckedAsync(am, ["am", "--quiet", .. request.PatchFiles],
                environment: Identity, cancellationToken: cancellationToken)).ConfigureAwait(false);
            onNote?.Invoke($"git am: {amApply.TotalSeconds:0.0} s");
            string amTree = (await git.RunCheckedAsync(am, ["rev-parse", "--verify", "HEAD^{tree}"], cancellationToken: cancellationToken).ConfigureAwait(false)).FirstLine;

            return new ApplyComparison(request.BaseCommit, request.Patches.Count,
                oursCheckout.TotalSeconds, oursApply.TotalSeconds, result.TreeId, amCheckout.TotalSeconds, amApply.TotalSeconds, amTree);
        }
        finally
        {
            var clock = Stopwatch.StartNew();
            await applier.AbortAsync(applyRequest, CancellationToken.None).ConfigureAwait(false);
            await RemoveLeftoversAsync(repository, scratch, am, CancellationToken.None).ConfigureAwait(false);
            onNote?.Invoke($"removed the scratch worktrees ({clock.Elapsed.TotalSeconds:0.0} s, not timed)");
        }
    }

    /// <summary>Our applier with git's trace2 events on, split where its <c>git worktree add</c> exited.</summary>
    private static async Task<(SeriesResult Result, TimeSpan Checkout, TimeSpan Apply)> ApplyTracedAsync(
        SeriesApplier applier, ApplyRequest applyRequest, ApplyBenchRequest request, string worktree, string trace, CancellationToken cancellationToken)
    {
        File.Delete(trace);
        string? previous = Environment.GetEnvironmentVariable(TraceVariable);
        Environment.SetEnvironmentVariable(TraceVariable, trace);
        DateTimeOffset started = DateTimeOffset.UtcNow;
        SeriesResult result;
        DateTimeOffset finished;
        try
        {
            result = await applier.ApplyAsync(applyRequest, request.Patches, cancellationToken).ConfigureAwait(false);
            finished = DateTimeOffset.UtcNow;
        }
        finally
        {
            Environment.SetEnvironmentVariable(TraceVariable, previous);
        }

        string events = File.Exists(trace) ? await File.ReadAllTextAsync(trace, cancellationToken).ConfigureAwait(false) : "";
        DateTimeOffset checkedOut = GitTrace2Events.ExitTime(events, argv => GitTrace2Events.HasSequence(argv, "worktree", "add") && GitTrace2Events.HasSequence(argv, "-B", request.BranchName))
            ?? throw new FormatException($"git's trace2 events in {trace} show no 'git worktree add -B {request.BranchName}' for {worktree}: cannot tell the checkout from the apply.");
        return (result, checkedOut - started, finished - checkedOut);
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
