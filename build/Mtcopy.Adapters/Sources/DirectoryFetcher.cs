using Mtcopy.Adapters.Process;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Sources;

/// <summary>
/// A plain directory (not a git repository): copied into the cache and imported there. Nothing is
/// ever written into the user's directory.
/// </summary>
internal sealed class DirectoryFetcher(SourceCache cache, IProcessRunner runner, GitImporter importer, Action<string> progress)
{
    public async Task<FetchedBase> FetchAsync(string directory, CancellationToken cancellationToken)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        progress($"Fingerprinting {directory}...");
        SourceCacheKey key = SourceCacheKey.ForDirectory(name, DirectoryFingerprint.Compute(directory));
        if (cache.TryLoad(key) is { } cached)
        {
            return cached;
        }

        if (!File.Exists(Path.Combine(directory, "Makefile")))
        {
            // Fail before copying a large tree that cannot be imported anyway.
            KernelTree.VersionFromMakefile(null, $"Directory {directory}");
        }

        string staging = cache.NewTemporaryPath(key, "import");
        try
        {
            Directory.CreateDirectory(staging);
            progress($"Copying {directory} into the cache...");
            await runner.RunAsync(SourceCommands.CopyTree(directory, staging), cancellationToken);
            FetchedBase imported = await importer.ImportAsync(staging, key, [], cancellationToken);
            return cache.Publish(staging, imported);
        }
        finally
        {
            SourceCache.DeleteQuietly(staging);
        }
    }
}
