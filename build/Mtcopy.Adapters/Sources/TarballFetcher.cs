using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Sources;

/// <summary>A user's tarball: keyed by name and sha256, extracted and imported into the cache.</summary>
internal sealed class TarballFetcher(SourceCache cache, IProcessRunner runner, GitImporter importer, Action<string> progress)
{
    public async Task<FetchedBase> FetchAsync(TarballSource source, CancellationToken cancellationToken)
    {
        string path = Path.GetFullPath(source.Path);
        if (!File.Exists(path))
        {
            throw new KernelFetchException($"Tarball {path} does not exist.");
        }

        progress($"Hashing {path}...");
        string sha256 = await FileHash.Sha256Async(path, cancellationToken);
        SourceCacheKey key = SourceCacheKey.ForTarball(Path.GetFileName(path), sha256);
        return await ImportArchiveAsync(cache, runner, importer, progress, path, key, [], cancellationToken);
    }

    /// <summary>Reuses the entry of <paramref name="key"/> or extracts <paramref name="archivePath"/> and imports it.</summary>
    internal static async Task<FetchedBase> ImportArchiveAsync(
        SourceCache cache,
        IProcessRunner runner,
        GitImporter importer,
        Action<string> progress,
        string archivePath,
        SourceCacheKey key,
        IReadOnlyList<string> warnings,
        CancellationToken cancellationToken)
    {
        if (cache.TryLoad(key) is { } cached)
        {
            return cached with { Warnings = [.. warnings, .. cached.Warnings] };
        }

        string staging = cache.NewTemporaryPath(key, "import");
        try
        {
            progress($"Extracting {Path.GetFileName(archivePath)}...");
            await new TarballExtractor(runner).ExtractAsync(archivePath, staging, cancellationToken);
            FetchedBase imported = await importer.ImportAsync(staging, key, warnings, cancellationToken);
            return cache.Publish(staging, imported);
        }
        finally
        {
            SourceCache.DeleteQuietly(staging);
        }
    }
}
