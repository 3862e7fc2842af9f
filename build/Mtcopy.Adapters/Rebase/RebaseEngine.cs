using LibGit2Sharp;
using Mtcopy.Adapters.Git;
using Mtcopy.Core.Patching;
using Mtcopy.Core.Rebase;

namespace Mtcopy.Adapters.Rebase;

/// <summary>
/// Moves a series onto a new base one patch at a time, three-way, with LibGit2Sharp's cherry-pick.
/// The series is first applied onto its own base (<see cref="SeriesApplier"/>), which gives one commit
/// per patch; each is then cherry-picked onto the new base in a worktree of our own. Everything lives
/// in the request's work directory: a bare repository that borrows the objects of both base
/// repositories (objects/info/alternates, nothing is written to them), its worktrees and the state.
/// A conflict stops the rebase with the markers in the files and the three stages in the index;
/// <see cref="ContinueAsync"/> commits what the user staged and goes on; <see cref="AbortAsync"/> removes it all.
/// </summary>
public sealed class RebaseEngine
{
    public const string Branch = "mtcopy-rebase/onto";
    public const string SeriesBranch = "mtcopy-rebase/series";
    private const int StateVersion = 1;

    private readonly GitCli _git;
    private readonly GitWorkspace _workspaces;

    public RebaseEngine(GitCli git)
    {
        _git = git;
        _workspaces = new GitWorkspace(git);
    }

    public static string RepositoryPath(string workDirectory) => Path.Combine(workDirectory, "repo.git");

    public static string WorktreePath(string workDirectory) => Path.Combine(workDirectory, "linux");

    /// <summary>Starts a rebase; refuses when one is stopped in the work directory (continue or abort it). A finished one is replaced.</summary>
    public async Task<RebaseResult> StartAsync(RebaseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string work = Path.GetFullPath(request.WorkDirectory);
        if (RebaseStateStore.Read(work) is { } existing)
        {
            if (!existing.Completed)
            {
                throw new RebaseException($"A rebase is stopped in {work} (patch {existing.StoppedIndex + 1}): resolve it and run with --continue, or --abort it first.");
            }

            GitResult head = await _git.RunAsync(existing.Worktree, ["rev-parse", "--verify", "HEAD"], cancellationToken: cancellationToken);
            if (head.ExitCode == 0 && !string.Equals(head.FirstLine, existing.Patches[^1].NewCommit, StringComparison.Ordinal))
            {
                throw new RebaseException($"{existing.Worktree} has commits of yours after the rebased series: run with --continue to build and export them, or --abort to drop them.");
            }
        }

        await RemoveAllAsync(work, cancellationToken);
        Directory.CreateDirectory(work);
        string repository = await BorrowingRepository.EnsureAsync(_git, RepositoryPath(work), [request.OldRepository, request.NewRepository], cancellationToken);

        // The series as commits on its own base.
        var seriesSpec = new WorkspaceSpec(repository, request.OldBase, SeriesBranch, Path.Combine(work, "series"));
        SeriesResult applied = await new SeriesApplier(_git).ApplyAsync(new ApplyRequest(seriesSpec, request.Options), request.Series, cancellationToken);
        if (!applied.Succeeded)
        {
            string report = ReportRenderer.Render(applied.Report);
            await RemoveAllAsync(work, cancellationToken);
            throw new RebaseException($"The series does not apply onto its own base {request.OldBase}; fix the series first:\n{report}");
        }

        await _git.RunCheckedAsync(repository, ["worktree", "remove", "--force", "--force", seriesSpec.WorktreePath], cancellationToken: cancellationToken);
        var newBase = await _workspaces.ResolveCommitAsync(repository, request.NewBase, cancellationToken);
        var workspace = await _workspaces.CreateAsync(new WorkspaceSpec(repository, newBase, Branch, WorktreePath(work)), cancellationToken);

        var patches = applied.Report.Patches
            .Select((p, i) => new RebasePatch(p.Number, p.Name, Subject(request.Series[i].Message), p.CommitId!, RebaseOutcome.Pending, null, [], []))
            .ToList();
        var state = new RebaseState(StateVersion, repository, workspace.WorktreePath, Branch, applied.BaseCommit, newBase,
            SeriesFingerprint.Compute(request.Series), patches, null);
        return Run(work, state, 0);
    }

    /// <summary>
    /// Commits the stopped patch from what the user staged (its own author and message) and picks the rest.
    /// On a finished rebase it changes nothing and returns it as it is (the caller builds and exports again).
    /// </summary>
    public async Task<RebaseResult> ContinueAsync(string workDirectory, IReadOnlyList<PatchInput> series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        string work = Path.GetFullPath(workDirectory);
        RebaseState state = RebaseStateStore.Read(work)
            ?? throw new RebaseException($"There is no rebase in {work} to continue; start one with --onto=<kernel>.");
        if (state.StoppedIndex is not { } stopped)
        {
            // Every patch is on the new base already (e.g. the build failed and the user committed a fix): nothing to pick.
            return new RebaseResult(state, RebaseStateStore.PathIn(work));
        }

        if (!string.Equals(state.SeriesFingerprint, SeriesFingerprint.Compute(series), StringComparison.Ordinal))
        {
            throw new RebaseException("The series changed since the rebase stopped: --abort and start again, or continue with the same series.");
        }

        if (await _workspaces.OpenAsync(new WorkspaceSpec(state.Repository, state.NewBase, state.Branch, state.Worktree), cancellationToken) is null)
        {
            throw new RebaseException($"The rebase worktree {state.Worktree} is gone: --abort, then start again.");
        }

        RebasePatch patch = state.Patches[stopped];
        string newCommit;
        using (var repo = new Repository(state.Worktree))
        {
            var unresolved = repo.Index.Conflicts.Select(ConflictPath).Distinct(StringComparer.Ordinal).ToList();
            if (unresolved.Count > 0)
            {
                throw new RebaseException($"Still unresolved in {state.Worktree}: {string.Join(", ", unresolved)}. Edit them, 'git add' them, then --continue.");
            }

            var marked = patch.Conflicts.Select(c => c.Path).Distinct(StringComparer.Ordinal)
                .Where(p => File.Exists(Path.Combine(state.Worktree, p)) && ConflictMarkers.HasMarkers(File.ReadAllText(Path.Combine(state.Worktree, p))))
                .ToList();
            if (marked.Count > 0)
            {
                throw new RebaseException($"Conflict markers are still in {string.Join(", ", marked)} (in {state.Worktree}); remove them, 'git add' the files, then --continue.");
            }

            Commit source = repo.Lookup<Commit>(patch.SourceCommit);
            try
            {
                newCommit = repo.Commit(source.Message, source.Author, source.Committer, new CommitOptions { PrettifyMessage = false }).Sha;
            }
            catch (EmptyCommitException e)
            {
                throw new RebaseException($"Nothing is staged for patch {patch.Number} ({patch.Name}): stage the resolved files with 'git add' in {state.Worktree}, then --continue.", e);
            }

            CleanUpPickState(repo);
        }

        var patches = state.Patches.ToList();
        patches[stopped] = patch with { Outcome = RebaseOutcome.ResolvedByUser, NewCommit = newCommit };
        return Run(work, state with { Patches = patches, StoppedIndex = null }, stopped + 1);
    }

    /// <summary>Removes the worktree, the branch, our repository and the state: the work directory is gone.</summary>
    public Task AbortAsync(string workDirectory, CancellationToken cancellationToken = default) =>
        RemoveAllAsync(Path.GetFullPath(workDirectory), cancellationToken);

    private static RebaseResult Run(string work, RebaseState state, int start)
    {
        var patches = state.Patches.ToList();
        string statePath = RebaseStateStore.Write(work, state);
        for (int i = start; i < patches.Count; i++)
        {
            patches[i] = Pick(state.Worktree, patches[i]);
            bool stopped = patches[i].Outcome == RebaseOutcome.Conflict;
            state = state with { Patches = [.. patches], StoppedIndex = stopped ? i : null };
            statePath = RebaseStateStore.Write(work, state);
            if (stopped)
            {
                break;
            }
        }

        return new RebaseResult(state, statePath);
    }

    /// <summary>Cherry-picks one patch's commit onto the worktree's HEAD (diff3 markers on conflict).</summary>
    private static RebasePatch Pick(string worktree, RebasePatch patch)
    {
        using var repo = new Repository(worktree);
        Commit commit = repo.Lookup<Commit>(patch.SourceCommit)
            ?? throw new InvalidOperationException($"Commit {patch.SourceCommit} of patch {patch.Number} is missing from {worktree}.");
        Commit parent = commit.Parents.Single();
        Commit head = repo.Head.Tip;
        var touched = repo.Diff.Compare<TreeChanges>(parent.Tree, commit.Tree)
            .SelectMany(c => new[] { c.OldPath, c.Path })
            .Where(p => !string.IsNullOrEmpty(p))
            .Distinct(StringComparer.Ordinal);
        var changed = touched.Where(p => parent.Tree[p]?.Target.Id != head.Tree[p]?.Target.Id).Order(StringComparer.Ordinal).ToList();

        CherryPickResult result = repo.CherryPick(commit, commit.Committer, new CherryPickOptions
        {
            FileConflictStrategy = CheckoutFileConflictStrategy.Diff3,
            CommitOnSuccess = true,
        });
        if (result.Status == CherryPickStatus.CherryPicked)
        {
            return patch with { Outcome = changed.Count == 0 ? RebaseOutcome.Clean : RebaseOutcome.ThreeWay, NewCommit = result.Commit.Sha, ChangedFiles = changed };
        }

        var conflicts = new List<ConflictHunk>();
        foreach (string path in repo.Index.Conflicts.Select(ConflictPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            string file = Path.Combine(worktree, path);
            IReadOnlyList<ConflictHunk> hunks = File.Exists(file) ? ConflictMarkers.Parse(path, File.ReadAllText(file)) : [];
            conflicts.AddRange(hunks.Count > 0 ? hunks : [new ConflictHunk(path, 0, 0, [], [], [])]);
        }

        return patch with { Outcome = RebaseOutcome.Conflict, ChangedFiles = changed, Conflicts = conflicts };
    }

    private static string ConflictPath(Conflict c) => (c.Ours ?? c.Theirs ?? c.Ancestor).Path;

    /// <summary>After committing a resolved pick, the cherry-pick in progress is over.</summary>
    private static void CleanUpPickState(Repository repo)
    {
        foreach (string name in new[] { "CHERRY_PICK_HEAD", "MERGE_MSG" })
        {
            string path = Path.Combine(repo.Info.Path, name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    private async Task RemoveAllAsync(string work, CancellationToken cancellationToken)
    {
        string repository = RepositoryPath(work);
        if (Directory.Exists(repository))
        {
            foreach (string worktree in new[] { WorktreePath(work), Path.Combine(work, "series") })
            {
                await _git.RunAsync(repository, ["worktree", "remove", "--force", "--force", worktree], cancellationToken: cancellationToken);
            }
        }

        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Subject(string message) => message.Split('\n', 2)[0].Trim();
}
