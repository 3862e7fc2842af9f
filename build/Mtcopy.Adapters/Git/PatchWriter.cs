using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Git;

/// <summary>
/// Applies one patch to the worktree: computes every file's new state first (direct apply, then
/// three-way with the preimage blob), then deletes and writes. Failed hunks without a usable
/// preimage go to "&lt;file&gt;.rej"; three-way conflicts leave markers in the file.
/// </summary>
internal sealed class PatchWriter
{
    private readonly WorktreeFiles _files;
    private readonly GitObjects _objects;
    private readonly ThreeWayMerger _merger;
    private readonly string _oursLabel;

    public PatchWriter(WorktreeFiles files, GitObjects objects, ThreeWayMerger merger, string oursLabel)
    {
        _files = files;
        _objects = objects;
        _merger = merger;
        _oursLabel = oursLabel;
    }

    public async Task<PatchApplication> ApplyAsync(ParsedPatch patch, ApplyOptions options, CancellationToken cancellationToken)
    {
        var run = new Run(patch);
        foreach (var file in patch.Files)
        {
            run.Reports.Add(await ApplyFileAsync(run, file, options, cancellationToken));
        }

        foreach (var (path, _) in run.Overlay.Where(e => e.Value is null))
        {
            _files.Delete(path);
        }

        foreach (var (path, state) in run.Overlay.Where(e => e.Value is not null))
        {
            _files.Write(path, state!);
        }

        foreach (var (path, text) in run.Rejects)
        {
            _files.WriteText(path, text);
        }

        return new PatchApplication(run.Reports, [.. run.Overlay.Keys.Order(StringComparer.Ordinal)], run.Conflicts, [.. run.Rejects.Keys]);
    }

    private async Task<FileReport> ApplyFileAsync(Run run, FilePatch file, ApplyOptions options, CancellationToken cancellationToken)
    {
        var source = file.Kind == FileChangeKind.Add
            ? null
            : run.Read(_files, file.OldPath!, original: file.Kind is FileChangeKind.Rename or FileChangeKind.Copy);
        if (file.Kind is FileChangeKind.Add or FileChangeKind.Rename or FileChangeKind.Copy && run.Occupied(_files, file.NewPath!))
        {
            return Report(file, FileOutcome.Failed, $"{file.NewPath} already exists in the tree", []);
        }

        var result = await DirectAsync(file, source, options, cancellationToken);
        if (result.Outcome == FileOutcome.Applied)
        {
            run.Record(file, result.Result);
            return Report(file, FileOutcome.Applied, null, result.Hunks);
        }

        var failedHunks = result.Hunks.Where(h => h.Outcome == HunkOutcome.Failed).Select(h => h.Number).ToList();
        string? why = result.Message;
        if (options.ThreeWay && source is not null && failedHunks.Count > 0 && file.Kind != FileChangeKind.Delete && file.OldId is not null)
        {
            var (merged, message) = await ThreeWayAsync(run, file, source, result, cancellationToken);
            if (merged is not null)
            {
                return merged;
            }

            why = message;
        }

        // Failed: keep the hunks that applied, put the others in a reject file.
        if (result.Result is { } partial && file.Kind != FileChangeKind.Delete)
        {
            run.Record(file, partial);
        }

        if (failedHunks.Count > 0)
        {
            var all = file.Kind == FileChangeKind.Delete ? Enumerable.Range(1, file.Hunks.Count).ToList() : failedHunks;
            run.Rejects[file.Path + ".rej"] = RejectFormatter.Format(file, all);
        }

        return Report(file, FileOutcome.Failed, why, result.Hunks);
    }

    private async Task<FileApplyResult> DirectAsync(FilePatch file, FileState? source, ApplyOptions options, CancellationToken cancellationToken)
    {
        // "Binary files differ" carries no data: usable only when the postimage blob is already known.
        if (file.Binary is { Forward: null } && GitObjectId.IsFull(file.NewId) && !GitObjectId.IsNull(file.NewId)
            && await _objects.FindBlobAsync(file.NewId!, cancellationToken) is { } known)
        {
            var mode = file.NewMode ?? source?.Mode ?? GitFileMode.Regular;
            return new FileApplyResult(file, FileOutcome.Applied, new FileState(known, mode), [], null);
        }

        return FileApplier.Apply(file, source, options);
    }

    private async Task<(FileReport? Report, string? Message)> ThreeWayAsync(
        Run run, FilePatch file, FileState current, FileApplyResult direct, CancellationToken cancellationToken)
    {
        if (await _objects.FindBlobAsync(file.OldId!, cancellationToken) is not { } preimage)
        {
            return (null, $"hunks do not apply and the preimage blob {file.OldId} is not in the repository (no three-way merge possible)");
        }

        var theirs = FileApplier.Apply(file, new FileState(preimage, current.Mode), ApplyOptions.Default with { Fuzz = 0 });
        if (theirs.Outcome != FileOutcome.Applied || theirs.Result is null)
        {
            return (null, $"hunks do not apply, and not even to the preimage blob {file.OldId} (no three-way merge possible)");
        }

        var labels = (_oursLabel, $"{file.OldPath} (preimage {file.OldId})", run.Patch.Input.Name);
        var (content, conflicts) = await _merger.MergeAsync(current.Content, preimage, theirs.Result.Content, labels, cancellationToken);
        run.Record(file, new FileState(content, theirs.Result.Mode));
        var outcome = conflicts == 0 ? FileOutcome.ThreeWay : FileOutcome.Conflict;
        var hunkOutcome = conflicts == 0 ? HunkOutcome.ThreeWay : HunkOutcome.Conflict;
        var hunks = direct.Hunks.Select(h => h.Outcome == HunkOutcome.Failed ? h with { Outcome = hunkOutcome } : h).ToList();
        if (conflicts > 0)
        {
            run.Conflicts.Add(file.Path);
        }

        var message = conflicts == 0 ? null : $"{conflicts} conflict(s); resolve them in the file, then continue";
        return (Report(file, outcome, message, hunks), null);
    }

    private static FileReport Report(FilePatch file, FileOutcome outcome, string? message, IReadOnlyList<HunkResult> hunks) =>
        new(file.Path, file.OldPath, file.Kind, outcome, message, hunks);

    /// <summary>The pending changes of one patch, before they are written.</summary>
    private sealed class Run(ParsedPatch patch)
    {
        private readonly HashSet<string> _vacated = patch.Files
            .Where(f => f.Kind is FileChangeKind.Delete or FileChangeKind.Rename)
            .Select(f => f.OldPath!)
            .ToHashSet(StringComparer.Ordinal);

        public ParsedPatch Patch { get; } = patch;

        /// <summary>Path -> new state; null means deleted. Insertion-ordered.</summary>
        public Dictionary<string, FileState?> Overlay { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Rejects { get; } = new(StringComparer.Ordinal);

        public List<FileReport> Reports { get; } = [];

        public List<string> Conflicts { get; } = [];

        /// <summary>The state of a path: as changed earlier in this patch, or (for rename/copy sources) as before it.</summary>
        public FileState? Read(WorktreeFiles files, string path, bool original) =>
            !original && Overlay.TryGetValue(path, out var changed) ? changed : files.Read(path);

        /// <summary>True when creating <paramref name="path"/> would overwrite something that stays.</summary>
        public bool Occupied(WorktreeFiles files, string path)
        {
            if (Overlay.TryGetValue(path, out var changed))
            {
                return changed is not null;
            }

            if (_vacated.Contains(path) || !files.Exists(path))
            {
                return false;
            }

            // A directory is in the way unless this patch removes everything in it.
            var inside = files.FilesUnder(path).ToList();
            return inside.Count == 0 || inside.Any(p => !_vacated.Contains(p) && !(Overlay.TryGetValue(p, out var s) && s is null));
        }

        /// <summary>Records a file's new state (and the removal of a rename source).</summary>
        public void Record(FilePatch file, FileState? state)
        {
            if (file.Kind == FileChangeKind.Rename)
            {
                Overlay[file.OldPath!] = null;
            }

            if (file.Kind == FileChangeKind.Delete)
            {
                Overlay[file.OldPath!] = null;
                return;
            }

            Overlay[file.NewPath!] = state;
        }
    }
}
