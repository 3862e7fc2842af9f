using Mtcopy.Adapters.Git;

namespace Mtcopy.Adapters.Rebase;

/// <summary>
/// A bare repository of our own that borrows the objects of other repositories (objects/info/alternates):
/// commits and worktrees made in it never write to those repositories, yet every object of theirs is
/// at hand, e.g. the preimage blobs a three-way merge needs when the series was made on another base.
/// </summary>
public static class BorrowingRepository
{
    /// <summary>Creates <paramref name="path"/> when missing and (re)writes its alternates to the object directories of <paramref name="lenders"/>.</summary>
    public static async Task<string> EnsureAsync(GitCli git, string path, IEnumerable<string> lenders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(lenders);
        string full = Path.GetFullPath(path);
        if (!File.Exists(Path.Combine(full, "HEAD")))
        {
            Directory.CreateDirectory(full);
            await git.RunCheckedAsync(full, ["init", "-q", "--bare", full], cancellationToken: cancellationToken);
        }

        var objects = new List<string>();
        foreach (string lender in lenders)
        {
            GitResult common = await git.RunCheckedAsync(lender, ["rev-parse", "--path-format=absolute", "--git-common-dir"], cancellationToken: cancellationToken);
            objects.Add(Path.Combine(common.FirstLine, "objects"));
        }

        await File.WriteAllTextAsync(Path.Combine(full, "objects", "info", "alternates"),
            string.Concat(objects.Distinct(StringComparer.Ordinal).Select(o => o + "\n")), cancellationToken);
        return full;
    }
}
