using Mtcopy.Adapters.Git;
using Mtcopy.Core.Patching;
using Mtcopy.Core.Rebase;
using Mtcopy.Core;

namespace Mtcopy.Adapters.Rebase;

/// <summary>
/// Moves a series onto a new base with the same engine as Apply (<see cref="SeriesApplier"/>: git apply
/// patch by patch, three-way with the preimage blobs), in a worktree of our own on the new base.
/// Everything lives in the request's work directory: a bare repository that borrows the objects of
/// both base repositories (objects/info/alternates: nothing is written to them; the series' own base
/// lends the preimage blobs the three-way merges need), its worktree and the state.
/// A conflict stops the rebase with diff3 markers in the files and the three stages in the index;
/// <see cref="ContinueAsync"/> commits what the user resolved and goes on; <see cref="AbortAsync"/> removes it all.
/// </summary>
public sealed class RebaseEngine
{
    public const string Branch = "mtcopy-rebase/onto";
    private const int StateVersion = 2;

    private readonly GitCli _git;
    private readonly GitWorkspace _workspaces;
    private readonly SeriesApplier _applier;

    public RebaseEngine(GitCli git)
    {
        _git = git;
        _workspaces = new GitWorkspace(git);
        _applier = new SeriesApplier(git);
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
                throw new UserErrorException($"A rebase is stopped in {work} (patch {existing.StoppedIndex + 1}): resolve it and run with --continue, or --abort it first.");
            }

            GitResult head = await _git.RunAsync(existing.Worktree, ["rev-parse", "--verify", "HEAD"], cancellationToken: cancellationToken);
            if (head.ExitCode == 0 && !string.Equals(head.FirstLine, existing.Patches[^1].NewCommit, StringComparison.Ordinal))
            {
                throw new UserErrorException($"{existing.Worktree} has commits of yours after the rebased series: run with --continue to build and export them, or --abort to drop them.");
            }
        }

        await RemoveAllAsync(work, cancellationToken);
        Directory.CreateDirectory(work);
        string repository = await BorrowingRepository.EnsureAsync(_git, RepositoryPath(work), [request.OldRepository, request.NewRepository], cancellationToken);
        string oldBase = await _workspaces.ResolveCommitAsync(repository, request.OldBase, cancellationToken);
        var spec = new WorkspaceSpec(repository, request.NewBase, Branch, WorktreePath(work));
        SeriesResult applied = await _applier.ApplyAsync(new ApplyRequest(spec, request.Options with { ShowBase = true }), request.Series, cancellationToken);
        var state = new RebaseState(StateVersion, repository, applied.Workspace.WorktreePath, Branch, oldBase, applied.BaseCommit,
            SeriesFingerprint.Compute(request.Series), [], null);
        return await RecordAsync(work, state, applied, request.Series, cancellationToken);
    }

    /// <summary>
    /// Commits the stopped patch from the user's resolution (its own author and message) and applies the rest.
    /// On a finished rebase it changes nothing and returns it as it is (the caller builds and exports again).
    /// </summary>
    public async Task<RebaseResult> ContinueAsync(string workDirectory, IReadOnlyList<PatchInput> series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        string work = Path.GetFullPath(workDirectory);
        RebaseState state = RebaseStateStore.Read(work)
            ?? throw new UserErrorException($"There is no rebase in {work} to continue; start one with --onto=<kernel>.");
        if (state.StoppedIndex is not { } stopped)
        {
            // Every patch is on the new base already (e.g. the build failed and the user committed a fix): nothing to apply.
            return new RebaseResult(state, RebaseStateStore.PathIn(work));
        }

        if (!string.Equals(state.SeriesFingerprint, SeriesFingerprint.Compute(series), StringComparison.Ordinal))
        {
            throw new UserErrorException("The series changed since the rebase stopped: --abort and start again, or continue with the same series.");
        }

        var spec = new WorkspaceSpec(state.Repository, state.NewBase, state.Branch, state.Worktree);
        if (await _workspaces.OpenAsync(spec, cancellationToken) is null)
        {
            throw new UserErrorException($"The rebase worktree {state.Worktree} is gone: --abort, then start again.");
        }

        await EnsureResolvedAsync(state, state.Patches[stopped], cancellationToken);
        SeriesResult applied = await _applier.ContinueAsync(new ApplyRequest(spec, ApplyOptions.Default with { ShowBase = true }), series, cancellationToken);
        return await RecordAsync(work, state, applied, series, cancellationToken);
    }

    /// <summary>Removes the worktree, the branch, our repository and the state: the work directory is gone.</summary>
    public Task AbortAsync(string workDirectory, CancellationToken cancellationToken = default) =>
        RemoveAllAsync(Path.GetFullPath(workDirectory), cancellationToken);

    /// <summary>Refuses to go on while the index still holds conflicts or a conflicted file still holds markers.</summary>
    private async Task EnsureResolvedAsync(RebaseState state, RebasePatch patch, CancellationToken cancellationToken)
    {
        var unresolved = (await GitPatchApplier.UnmergedPathsAsync(_git, state.Worktree, cancellationToken)).Order(StringComparer.Ordinal).ToList();
        if (unresolved.Count > 0)
        {
            throw new UserErrorException($"Still unresolved in {state.Worktree}: {string.Join(", ", unresolved)}. Edit them, 'git add' them, then --continue.");
        }

        var marked = patch.Conflicts.Select(c => c.Path).Distinct(StringComparer.Ordinal)
            .Where(p => File.Exists(Path.Combine(state.Worktree, p)) && ConflictMarkers.HasMarkers(File.ReadAllText(Path.Combine(state.Worktree, p))))
            .ToList();
        if (marked.Count > 0)
        {
            throw new UserErrorException($"Conflict markers are still in {string.Join(", ", marked)} (in {state.Worktree}); remove them, 'git add' the files, then --continue.");
        }
    }

    /// <summary>
    /// The rebase state from the applier's result, written to the work directory: per patch the files
    /// it touches that the new base changed (three-way when any, else clean), its commit, and for the
    /// stopped patch the conflict regions. A patch that had stopped and is now committed was resolved by the user.
    /// </summary>
    private async Task<RebaseResult> RecordAsync(string work, RebaseState state, SeriesResult applied, IReadOnlyList<PatchInput> series, CancellationToken cancellationToken)
    {
        var parsed = SeriesParser.Parse(series);
        var patches = new List<RebasePatch>();
        string parent = state.NewBase;
        for (int i = 0; i < applied.Report.Patches.Count; i++)
        {
            PatchReport report = applied.Report.Patches[i];
            string subject = series[i].Message.Split('\n', 2)[0].Trim();
            if (report.Outcome == PatchOutcome.NotAttempted)
            {
                patches.Add(new RebasePatch(report.Number, report.Name, subject, RebaseOutcome.Pending, null, [], []));
                continue;
            }

            var changed = await ChangedFilesAsync(state.Worktree, parent, parsed[i], cancellationToken);
            RebasePatch? before = state.Patches.ElementAtOrDefault(i);
            patches.Add(report.Outcome == PatchOutcome.Stopped
                ? new RebasePatch(report.Number, report.Name, subject, RebaseOutcome.Conflict, null, changed, Conflicts(state.Worktree, report))
                : before is { Outcome: RebaseOutcome.Conflict or RebaseOutcome.ResolvedByUser }
                    ? before with { Outcome = RebaseOutcome.ResolvedByUser, NewCommit = report.CommitId, ChangedFiles = changed }
                    : new RebasePatch(report.Number, report.Name, subject, changed.Count == 0 ? RebaseOutcome.Clean : RebaseOutcome.ThreeWay, report.CommitId, changed, []));
            parent = report.CommitId ?? parent;
        }

        int stopped = patches.FindIndex(p => p.Outcome == RebaseOutcome.Conflict);
        state = state with { Patches = patches, StoppedIndex = stopped < 0 ? null : stopped };
        return new RebaseResult(state, RebaseStateStore.Write(work, state));
    }

    /// <summary>The paths the patch touches whose blob in <paramref name="parent"/> is not the patch's preimage (the new base changed them).</summary>
    private async Task<List<string>> ChangedFilesAsync(string worktree, string parent, ParsedPatch patch, CancellationToken cancellationToken)
    {
        var preimages = patch.Files.Where(f => f.OldPath is not null && f.OldId is not null).ToList();
        if (preimages.Count == 0)
        {
            return [];
        }

        GitResult tree = await _git.RunCheckedAsync(worktree, ["ls-tree", "-z", parent, "--", .. preimages.Select(f => f.OldPath!)], cancellationToken: cancellationToken);
        // "<mode> SP <type> SP <id> TAB <path>" NUL
        var blobs = tree.StdoutText.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(e => e[(e.IndexOf('\t', StringComparison.Ordinal) + 1)..], e => e.Split('\t')[0].Split(' ')[2], StringComparer.Ordinal);
        return [.. preimages
            .Where(f => !(blobs.TryGetValue(f.OldPath!, out var id) ? id : "").StartsWith(f.OldId!, StringComparison.Ordinal))
            .Select(f => f.OldPath!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The conflict regions of the stopped patch's files (a placeholder for a file without markers, e.g. rejected hunks).</summary>
    private static List<ConflictHunk> Conflicts(string worktree, PatchReport report)
    {
        var conflicts = new List<ConflictHunk>();
        foreach (FileReport file in report.Files.Where(f => f.Outcome is FileOutcome.Conflict or FileOutcome.Failed))
        {
            string full = Path.Combine(worktree, file.Path);
            IReadOnlyList<ConflictHunk> hunks = File.Exists(full) ? ConflictMarkers.Parse(file.Path, File.ReadAllText(full)) : [];
            conflicts.AddRange(hunks.Count > 0 ? hunks : [new ConflictHunk(file.Path, 0, 0, [], [], [])]);
        }

        return conflicts;
    }

    private async Task RemoveAllAsync(string work, CancellationToken cancellationToken)
    {
        string repository = RepositoryPath(work);
        if (Directory.Exists(repository))
        {
            await _git.RunAsync(repository, ["worktree", "remove", "--force", "--force", WorktreePath(work)], cancellationToken: cancellationToken);
        }

        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
