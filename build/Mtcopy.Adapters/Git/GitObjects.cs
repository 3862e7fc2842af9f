namespace Mtcopy.Adapters.Git;

/// <summary>Blob lookups in a repository's object database (via git rev-parse / cat-file).</summary>
internal sealed class GitObjects
{
    private readonly GitCli _git;
    private readonly string _repository;

    public GitObjects(GitCli git, string repository)
    {
        _git = git;
        _repository = repository;
    }

    /// <summary>
    /// The content of the blob whose id starts with <paramref name="abbreviatedId"/> (from a patch's
    /// index line), or null when no blob or more than one object matches.
    /// </summary>
    public async Task<byte[]?> FindBlobAsync(string abbreviatedId, CancellationToken cancellationToken)
    {
        if (abbreviatedId.Length < 4 || !Core.Patching.GitObjectId.IsHex(abbreviatedId) || Core.Patching.GitObjectId.IsNull(abbreviatedId))
        {
            return null;
        }

        var id = await _git.RunAsync(_repository, ["rev-parse", "--verify", "--quiet", abbreviatedId + "^{blob}"], cancellationToken: cancellationToken);
        if (id.ExitCode != 0)
        {
            return null;
        }

        var blob = await _git.RunCheckedAsync(_repository, ["cat-file", "blob", id.FirstLine], cancellationToken: cancellationToken);
        return blob.Stdout.ToArray();
    }
}
