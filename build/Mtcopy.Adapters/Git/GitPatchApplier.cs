using System.Text;
using Mtcopy.Core.Patching;
using Mtcopy.Core.Rebase;

namespace Mtcopy.Adapters.Git;

/// <summary>
/// Applies one patch in our worktree with git's own engine, in git am -3's order: directly
/// ("git apply --index"); when a hunk does not apply, three-way with the preimage blobs
/// ("--3way", conflicts left as markers); when even that cannot run, the hunks that apply are
/// kept and the others go to "&lt;file&gt;.rej" ("--reject", which 2.39 does not combine with
/// --3way). The per-hunk report comes from git's own messages (<see cref="GitApplyLog"/>); a
/// patch that does not apply directly is first checked with --reject, which tries every hunk and
/// writes nothing, so the report names each hunk that failed.
/// </summary>
internal sealed class GitPatchApplier
{
    // git's messages are what we parse: never translated.
    private static readonly Dictionary<string, string> Untranslated = new(StringComparer.Ordinal) { ["LC_ALL"] = "C" };

    private readonly GitCli _git;
    private readonly Workspace _workspace;

    public GitPatchApplier(GitCli git, Workspace workspace)
    {
        _git = git;
        _workspace = workspace;
    }

    /// <summary>
    /// The "-C" option for our fuzz: GNU patch's fuzz N ignores up to N context lines at each end;
    /// git's -C(3-N) requires 3-N of a (default, 3-line) context to match. None without fuzz: all context must match.
    /// </summary>
    private static string[] ContextOption(int fuzz) => fuzz > 0 ? [$"-C{Math.Max(0, 3 - fuzz)}"] : [];

    /// <summary>Applies <paramref name="patch"/> to the worktree and its index; the caller commits it when it succeeded, or stops.</summary>
    public async Task<PatchApplication> ApplyAsync(ParsedPatch patch, ApplyOptions options, CancellationToken cancellationToken)
    {
        var context = ContextOption(options.Fuzz);
        var direct = await RunAsync(patch, ["--index", .. context], cancellationToken);
        if (direct.ExitCode == 0)
        {
            var logs = GitApplyLog.Parse(direct.Stderr);
            return new PatchApplication([.. patch.Files.Select((f, i) => FileReports.Build(f, Log(logs, i), FileOutcome.Applied, null, []))], [], []);
        }

        var check = GitApplyLog.Parse((await RunAsync(patch, ["--check", "--reject", .. context], cancellationToken, checkedRun: true)).Stderr);
        var before = await LinesBeforeAsync(patch, check, cancellationToken);
        IReadOnlyList<GitApplyFileLog> threeWay = [];
        if (options.ThreeWay)
        {
            string[] style = options.ShowBase ? ["-c", "merge.conflictStyle=diff3"] : [];
            var merge = await RunAsync(patch, ["--index", "--3way", .. context], cancellationToken, config: style);
            var unmerged = merge.ExitCode == 0 ? [] : await UnmergedPathsAsync(_git, _workspace.WorktreePath, cancellationToken);
            if (merge.ExitCode == 0 || unmerged.Count > 0)
            {
                return Merged(patch, check, before, unmerged);
            }

            threeWay = GitApplyLog.Parse(merge.Stderr);
        }

        await RunAsync(patch, ["--index", "--reject", .. context], cancellationToken);
        return Rejected(patch, check, threeWay, before);
    }

    /// <summary>After "git apply --3way" wrote the patch: files merged, with or without conflicts (markers renamed).</summary>
    private PatchApplication Merged(
        ParsedPatch patch, IReadOnlyList<GitApplyFileLog> check, Dictionary<string, IReadOnlyList<string>> before, HashSet<string> unmerged)
    {
        var reports = new List<FileReport>();
        for (var i = 0; i < patch.Files.Count; i++)
        {
            var file = patch.Files[i];
            var conflicts = unmerged.Contains(file.Path) ? Relabel(file.Path, patch.Input.Name) : 0;
            var outcome = conflicts > 0 ? FileOutcome.Conflict : Log(check, i).Failed ? FileOutcome.ThreeWay : FileOutcome.Applied;
            var message = conflicts > 0 ? $"{conflicts} conflict(s); resolve them in the file, then continue" : null;
            reports.Add(FileReports.Build(file, Log(check, i), outcome, message, Before(before, file)));
        }

        return new PatchApplication(reports, [.. unmerged.Order(StringComparer.Ordinal)], []);
    }

    /// <summary>After "git apply --reject": the hunks that apply are written, the others are in ".rej" files.</summary>
    private PatchApplication Rejected(
        ParsedPatch patch, IReadOnlyList<GitApplyFileLog> check, IReadOnlyList<GitApplyFileLog> threeWay, Dictionary<string, IReadOnlyList<string>> before)
    {
        var reports = new List<FileReport>();
        for (var i = 0; i < patch.Files.Count; i++)
        {
            var file = patch.Files[i];
            var log = Log(check, i);
            var why = log.FailedOldLines.Count > 0 && Log(threeWay, i).MissingPreimage
                ? $"hunks do not apply and the preimage blob {file.OldId} is not in the repository (no three-way merge possible)"
                : log.Errors.Count > 0 ? string.Join("; ", log.Errors) : null;
            reports.Add(FileReports.Build(file, log, log.Failed ? FileOutcome.Failed : FileOutcome.Applied, why, Before(before, file)));
        }

        var rejects = patch.Files.Select(f => f.Path + ".rej").Where(r => File.Exists(Path.Combine(_workspace.WorktreePath, r)));
        return new PatchApplication(reports, [], [.. rejects]);
    }

    private Task<GitResult> RunAsync(ParsedPatch patch, string[] options, CancellationToken cancellationToken, bool checkedRun = false, string[]? config = null)
    {
        string[] args = [.. config ?? [], "apply", "-v", .. options];
        var diff = Encoding.UTF8.GetBytes(patch.Input.DiffText);
        return checkedRun
            ? _git.RunCheckedAsync(_workspace.WorktreePath, args, diff, Untranslated, cancellationToken)
            : _git.RunAsync(_workspace.WorktreePath, args, diff, Untranslated, cancellationToken);
    }

    /// <summary>The paths with conflict stages in the index of <paramref name="worktree"/>.</summary>
    public static async Task<HashSet<string>> UnmergedPathsAsync(GitCli git, string worktree, CancellationToken cancellationToken)
    {
        var r = await git.RunCheckedAsync(worktree, ["ls-files", "--unmerged", "-z"], cancellationToken: cancellationToken);
        // "<mode> SP <id> SP <stage> TAB <path>" NUL
        return r.StdoutText.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e[(e.IndexOf('\t', StringComparison.Ordinal) + 1)..])
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The lines before the patch of the files with failed hunks (the evidence in the report).</summary>
    private async Task<Dictionary<string, IReadOnlyList<string>>> LinesBeforeAsync(
        ParsedPatch patch, IReadOnlyList<GitApplyFileLog> check, CancellationToken cancellationToken)
    {
        var lines = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < patch.Files.Count; i++)
        {
            if (Log(check, i).FailedOldLines.Count > 0 && patch.Files[i].OldPath is { } path)
            {
                var blob = await _git.RunAsync(_workspace.WorktreePath, ["cat-file", "blob", "HEAD:" + path], cancellationToken: cancellationToken);
                lines[path] = blob.ExitCode == 0 ? blob.StdoutText.TrimEnd('\n').Split('\n') : [];
            }
        }

        return lines;
    }

    /// <summary>Names git's "ours"/"theirs" markers after our branch and the patch; returns the number of conflicts.</summary>
    private int Relabel(string path, string patchName)
    {
        // Latin-1 maps every byte to one char and back: a file that is not UTF-8 stays byte-exact.
        static string Bytewise(string label) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(label));
        var full = Path.Combine(_workspace.WorktreePath, path);
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(full));
        File.WriteAllBytes(full, Encoding.Latin1.GetBytes(ConflictMarkers.Relabel(text, Bytewise(_workspace.BranchName), Bytewise(patchName))));
        return ConflictMarkers.Parse(path, text).Count;
    }

    private static IReadOnlyList<string> Before(Dictionary<string, IReadOnlyList<string>> before, FilePatch file) =>
        file.OldPath is { } path && before.TryGetValue(path, out var lines) ? lines : [];

    private static GitApplyFileLog Log(IReadOnlyList<GitApplyFileLog> logs, int index) =>
        index < logs.Count ? logs[index] : new GitApplyFileLog();
}
