namespace Mtcopy.Adapters.Packaging;

/// <summary>
/// An unpatched kernel to show DKMS declining: the fetched base repository and commit, the worktree
/// and O= build directory to use, the ARCH, the config fragment files merged onto tinyconfig (the
/// series' own options simply do not exist there), and the log directory.
/// </summary>
public sealed record UnpatchedKernelRequest(
    string RepositoryPath,
    string CommitId,
    string WorktreeDir,
    string BuildDir,
    string Arch,
    IReadOnlyList<string> FragmentPaths,
    string LogDir)
{
    public int Jobs { get; init; } = 1;
}
