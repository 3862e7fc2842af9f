namespace Mtcopy.Adapters.Git;

/// <summary>One entry of "git worktree list --porcelain".</summary>
/// <param name="Path">The worktree directory.</param>
/// <param name="Branch">The checked-out branch ("refs/heads/..."), or null when detached or bare.</param>
internal sealed record WorktreeEntry(string Path, string? Branch)
{
    /// <summary>Parses the porcelain listing (blocks of "worktree", "HEAD", "branch" lines).</summary>
    public static List<WorktreeEntry> ParseList(string porcelain)
    {
        var entries = new List<WorktreeEntry>();
        string? path = null;
        string? branch = null;
        foreach (var line in porcelain.Split('\n').Append(string.Empty))
        {
            if (line.StartsWith("worktree ", StringComparison.Ordinal))
            {
                path = line["worktree ".Length..];
            }
            else if (line.StartsWith("branch ", StringComparison.Ordinal))
            {
                branch = line["branch ".Length..];
            }
            else if (line.Length == 0 && path is not null)
            {
                entries.Add(new WorktreeEntry(path, branch));
                path = null;
                branch = null;
            }
        }

        return entries;
    }
}
