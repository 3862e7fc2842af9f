namespace Mtcopy.Adapters.Git;

/// <summary>Three-way merge of file contents with "git merge-file" (same algorithm as git am -3).</summary>
internal sealed class ThreeWayMerger
{
    private readonly GitCli _git;

    public ThreeWayMerger(GitCli git) => _git = git;

    /// <summary>Merges base -> theirs into ours. Returns the merged bytes (with conflict markers) and the number of conflicts.</summary>
    public async Task<(byte[] Content, int Conflicts)> MergeAsync(
        ReadOnlyMemory<byte> ours,
        ReadOnlyMemory<byte> @base,
        ReadOnlyMemory<byte> theirs,
        (string Ours, string Base, string Theirs) labels,
        CancellationToken cancellationToken)
    {
        var dir = Path.Combine(Path.GetTempPath(), "mtcopy-merge-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var oursFile = Path.Combine(dir, "ours");
            var baseFile = Path.Combine(dir, "base");
            var theirsFile = Path.Combine(dir, "theirs");
            await File.WriteAllBytesAsync(oursFile, ours, cancellationToken);
            await File.WriteAllBytesAsync(baseFile, @base, cancellationToken);
            await File.WriteAllBytesAsync(theirsFile, theirs, cancellationToken);
            string[] args = ["merge-file", "-p", "-L", labels.Ours, "-L", labels.Base, "-L", labels.Theirs, oursFile, baseFile, theirsFile];
            var result = await _git.RunAsync(dir, args, cancellationToken: cancellationToken);
            if (result.ExitCode is < 0 or > 127)
            {
                throw new GitCommandException(dir, args, result);
            }

            return (result.Stdout.ToArray(), result.ExitCode);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
