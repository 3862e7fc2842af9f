using Mtcopy.Adapters.Git;

namespace Mtcopy.Adapters.Rebase;

/// <summary><c>git format-patch</c> of a rebased branch: the same file-name scheme as the series (0001-subject.patch), a generated cover letter, no commit ids.</summary>
public sealed class SeriesExport(GitCli git)
{
    /// <summary>Writes the patches of <paramref name="baseCommit"/>..HEAD of <paramref name="worktree"/> into the new, empty <paramref name="directory"/>; returns their file names in order (cover letter first).</summary>
    public async Task<IReadOnlyList<string>> FormatPatchAsync(string worktree, string baseCommit, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseCommit);
        Directory.CreateDirectory(directory);
        if (Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new IOException($"{directory} is not empty; format-patch writes only into a new directory.");
        }

        await git.RunCheckedAsync(worktree,
            ["format-patch", "--quiet", "--zero-commit", "--numbered", "--cover-letter", "-o", directory, baseCommit + "..HEAD"],
            cancellationToken: cancellationToken);
        return [.. Directory.EnumerateFiles(directory, "*.patch").Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];
    }
}
