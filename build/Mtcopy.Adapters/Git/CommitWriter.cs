using System.Text;
using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Git;

/// <summary>
/// Stages paths in our worktree (ignoring .gitignore: the patch says these files belong in the
/// tree) and commits them with the patch's author, date and message as both author and
/// committer, so commit ids are reproducible.
/// </summary>
internal sealed class CommitWriter
{
    private readonly GitCli _git;

    public CommitWriter(GitCli git) => _git = git;

    /// <summary>
    /// Stages <paramref name="paths"/> (and, if asked, every change to tracked files), commits the index
    /// on <paramref name="parent"/> (our branch's head, which the caller knows: one git run less per patch), moves our branch.
    /// </summary>
    public async Task<string> CommitAsync(
        Workspace workspace, string parent, IEnumerable<string> paths, PatchInput input, bool stageTrackedChanges, CancellationToken cancellationToken)
    {
        var dir = workspace.WorktreePath;
        var list = paths.Distinct(StringComparer.Ordinal).ToList();
        // A path that is now a directory was a file the patch replaced by one: drop the file entry.
        var nowDirectories = list.Where(p => IsRealDirectory(Path.Combine(dir, p))).ToList();
        await UpdateIndexAsync(dir, ["--force-remove"], nowDirectories, cancellationToken);
        await UpdateIndexAsync(dir, ["--add", "--remove", "--replace"], list.Except(nowDirectories, StringComparer.Ordinal).ToList(), cancellationToken);

        if (stageTrackedChanges)
        {
            await _git.RunCheckedAsync(dir, ["add", "--update", "--", "."], cancellationToken: cancellationToken);
        }

        var tree = (await _git.RunCheckedAsync(dir, ["write-tree"], cancellationToken: cancellationToken)).FirstLine;
        var ident = Identity(input);
        var message = Encoding.UTF8.GetBytes(CommitMessage.Normalize(input.Message));
        var commit = (await _git.RunCheckedAsync(dir, ["commit-tree", tree, "-p", parent], message, ident, cancellationToken)).FirstLine;
        await _git.RunCheckedAsync(dir, ["update-ref", "-m", "mtcopy apply: " + input.Name, "HEAD", commit, parent], environment: ident, cancellationToken: cancellationToken);
        return commit;
    }

    private async Task UpdateIndexAsync(string dir, string[] mode, List<string> paths, CancellationToken cancellationToken)
    {
        if (paths.Count == 0)
        {
            return;
        }

        var stdin = Encoding.UTF8.GetBytes(string.Concat(paths.Select(p => p + "\0")));
        await _git.RunCheckedAsync(dir, ["update-index", .. mode, "-z", "--stdin"], stdin, cancellationToken: cancellationToken);
    }

    private static bool IsRealDirectory(string full) => Directory.Exists(full) && new DirectoryInfo(full).LinkTarget is null;

    private static Dictionary<string, string> Identity(PatchInput input)
    {
        var date = GitDate.Format(input.Date);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GIT_AUTHOR_NAME"] = input.AuthorName,
            ["GIT_AUTHOR_EMAIL"] = input.AuthorEmail,
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_NAME"] = input.AuthorName,
            ["GIT_COMMITTER_EMAIL"] = input.AuthorEmail,
            ["GIT_COMMITTER_DATE"] = date,
        };
    }
}
