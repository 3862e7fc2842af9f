using Mtcopy.Core;
using Mtcopy.Core.Patching;
using Mtcopy.Core.Rebase;

namespace Mtcopy.Adapters.Git;

/// <summary>
/// Applies a patch series onto our own branch in our own worktree, one commit per patch, like
/// "git am -3" but without touching the user's working tree, index, stash or HEAD.
/// <list type="bullet">
/// <item>Everything is checked before anything is written: every patch parses, has an author,
/// and names only paths inside the tree (no "..", absolute, ".git" or symlinked paths).</item>
/// <item>A patch that cannot be applied (even three-way) stops the run: the worktree keeps the
/// partial result (conflict markers, ".rej" files), a state file is written, and the result says
/// <see cref="SeriesResult.Succeeded"/> = false. Then <see cref="ContinueAsync"/> or <see cref="AbortAsync"/>.</item>
/// </list>
/// User mistakes throw <see cref="UserErrorException"/> subclasses; git failing unexpectedly
/// throws <see cref="GitCommandException"/>.
/// </summary>
public sealed class SeriesApplier
{
    private const int StateVersion = 1;

    private readonly GitCli _git;
    private readonly GitWorkspace _workspaces;
    private readonly CommitWriter _commits;

    public SeriesApplier(GitCli git)
    {
        _git = git;
        _workspaces = new GitWorkspace(git);
        _commits = new CommitWriter(git);
    }

    /// <summary>
    /// Validates the whole series, (re)creates our branch and worktree at the base revision and
    /// applies every patch. Returns a stopped result (not an exception) when a patch does not apply.
    /// </summary>
    public async Task<SeriesResult> ApplyAsync(ApplyRequest request, IReadOnlyList<PatchInput> series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parsed = Validate(series);
        var spec = request.Workspace;
        var repository = await _workspaces.FindRepositoryAsync(spec.RepositoryPath, cancellationToken);
        var baseCommit = await _workspaces.ResolveCommitAsync(repository, spec.BaseRevision, cancellationToken);
        var links = await _workspaces.ListSymlinksAsync(repository, baseCommit, cancellationToken);
        PathSafety.EnsureSafe(parsed, links.Contains);

        var workspace = await _workspaces.CreateAsync(spec with { BaseRevision = baseCommit }, cancellationToken);
        var reports = parsed.Select((p, i) => NotAttempted(p, i)).ToList();
        var run = new RunContext(workspace, baseCommit, request.Options, parsed, SeriesFingerprint.Compute(series), reports);
        return await RunFromAsync(run, 0, baseCommit, cancellationToken);
    }

    /// <summary>
    /// Commits the user's fixed worktree as the stopped patch (its own author, date and message;
    /// the paths it touches are staged even if ignored, plus every change to tracked files; the
    /// ".rej" files the stop wrote are deleted) and applies the rest of the series.
    /// <paramref name="series"/> must be the same series.
    /// </summary>
    public async Task<SeriesResult> ContinueAsync(ApplyRequest request, IReadOnlyList<PatchInput> series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parsed = Validate(series);
        var workspace = await _workspaces.OpenAsync(request.Workspace, cancellationToken);
        var state = workspace is null ? null : ApplyStateStore.Read(workspace);
        if (workspace is null || state is null)
        {
            throw new UserErrorException($"There is no stopped mtcopy apply in {request.Workspace.WorktreePath}; run apply first.");
        }

        if (!string.Equals(state.SeriesFingerprint, SeriesFingerprint.Compute(series), StringComparison.Ordinal))
        {
            throw new UserErrorException("The series differs from the one that stopped; abort and apply it again, or continue with the same series.");
        }

        var root = workspace.WorktreePath;
        var unresolved = state.ConflictPaths.Where(p => HasConflictMarkers(root, p)).ToList();
        if (unresolved.Count > 0)
        {
            throw new UnresolvedConflictException(unresolved, workspace.WorktreePath);
        }

        var next = state.StoppedIndex + 1;
        var violations = PathSafety.Check([.. parsed.Skip(next)], p => IsSymlink(root, p))
            .Select(v => v with { PatchNumber = v.PatchNumber + next })
            .ToList();
        if (violations.Count > 0)
        {
            throw new UnsafePatchPathException(violations);
        }

        // The user may have deleted a reject file, or the directory it was in, while fixing the stop.
        foreach (var reject in state.RejectPaths.Select(r => Path.Combine(root, r)).Where(File.Exists))
        {
            File.Delete(reject);
        }

        var stopped = parsed[state.StoppedIndex];
        var head = (await _git.RunCheckedAsync(root, ["rev-parse", "--verify", "HEAD"], cancellationToken: cancellationToken)).FirstLine;
        var commit = await _commits.CommitAsync(workspace, head, state.StoppedPaths, stopped.Input, stageTrackedChanges: true, cancellationToken);
        var reports = state.Report.Patches.ToList();
        reports[state.StoppedIndex] = reports[state.StoppedIndex] with { Outcome = PatchOutcome.Applied, CommitId = commit };
        ApplyStateStore.Delete(workspace);

        var run = new RunContext(workspace, state.BaseCommit, request.Options, parsed, state.SeriesFingerprint, reports);
        return await RunFromAsync(run, next, commit, cancellationToken);
    }

    /// <summary>Removes our worktree, our branch and the state, leaving the repository as before the first run.</summary>
    public Task AbortAsync(ApplyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _workspaces.RemoveAsync(request.Workspace, cancellationToken);
    }

    private async Task<SeriesResult> RunFromAsync(RunContext run, int start, string head, CancellationToken cancellationToken)
    {
        var ws = run.Workspace;
        var applier = new GitPatchApplier(_git, ws);
        for (var i = start; i < run.Parsed.Count; i++)
        {
            var patch = run.Parsed[i];
            var applied = await applier.ApplyAsync(patch, run.Options, cancellationToken);
            if (!applied.Succeeded)
            {
                run.Reports[i] = new PatchReport(i + 1, patch.Input.Name, PatchOutcome.Stopped, null, applied.Files);
                var touched = patch.Files.SelectMany(f => f.Paths).Distinct(StringComparer.Ordinal).ToList();
                var state = new ApplyState(
                    StateVersion, run.BaseCommit, ws.BranchName, ws.WorktreePath, run.Fingerprint, i,
                    touched, applied.ConflictPaths, applied.RejectPaths, new SeriesReport(run.Reports));
                var statePath = ApplyStateStore.Write(ws, state);
                return await ResultAsync(run, statePath, cancellationToken);
            }

            // git apply --index staged the patch already.
            head = await _commits.CommitAsync(ws, head, [], patch.Input, stageTrackedChanges: false, cancellationToken);
            run.Reports[i] = new PatchReport(i + 1, patch.Input.Name, PatchOutcome.Applied, head, applied.Files);
        }

        return await ResultAsync(run, null, cancellationToken);
    }

    private async Task<SeriesResult> ResultAsync(RunContext run, string? statePath, CancellationToken cancellationToken)
    {
        var dir = run.Workspace.WorktreePath;
        var head = (await _git.RunCheckedAsync(dir, ["rev-parse", "--verify", "HEAD"], cancellationToken: cancellationToken)).FirstLine;
        var tree = (await _git.RunCheckedAsync(dir, ["rev-parse", "--verify", "HEAD^{tree}"], cancellationToken: cancellationToken)).FirstLine;
        return new SeriesResult(new SeriesReport([.. run.Reports]), run.Workspace, run.BaseCommit, head, tree, statePath);
    }

    private static IReadOnlyList<ParsedPatch> Validate(IReadOnlyList<PatchInput> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            throw new UserErrorException("The series is empty; nothing to apply.");
        }

        for (var i = 0; i < series.Count; i++)
        {
            var p = series[i];
            if (string.IsNullOrWhiteSpace(p.AuthorName) || string.IsNullOrWhiteSpace(p.AuthorEmail))
            {
                throw new PatchFormatException($"patch {i + 1} ({p.Name}) has no author name or e-mail; add a From: line.");
            }

            if (string.IsNullOrWhiteSpace(p.Message))
            {
                throw new PatchFormatException($"patch {i + 1} ({p.Name}) has an empty commit message; add a subject.");
            }
        }

        return SeriesParser.Parse(series);
    }

    private static PatchReport NotAttempted(ParsedPatch patch, int index) =>
        new(index + 1, patch.Input.Name, PatchOutcome.NotAttempted, null, []);

    private static bool HasConflictMarkers(string root, string path)
    {
        var full = Path.Combine(root, path);
        return File.Exists(full) && !IsSymlink(root, path) && ConflictMarkers.HasMarkers(File.ReadAllText(full));
    }

    private static bool IsSymlink(string root, string path) => new FileInfo(Path.Combine(root, path)).LinkTarget is not null;

    private sealed record RunContext(
        Workspace Workspace,
        string BaseCommit,
        ApplyOptions Options,
        IReadOnlyList<ParsedPatch> Parsed,
        string Fingerprint,
        List<PatchReport> Reports);
}
