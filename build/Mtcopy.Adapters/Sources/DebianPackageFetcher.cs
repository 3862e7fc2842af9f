using Mtcopy.Adapters.Process;
using Mtcopy.Adapters.Results;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Sources;

/// <summary>
/// <c>debian:&lt;series&gt;</c>: the linux-source package's .deb (keyed by package, exact version
/// and sha256), unpacked with dpkg-deb; its <c>usr/src/linux-source-&lt;series&gt;.tar.xz</c> is
/// extracted and imported into the cache.
/// </summary>
internal sealed class DebianPackageFetcher(SourceCache cache, IProcessRunner runner, GitImporter importer, DebAcquirer acquirer, Action<string> progress)
{
    public async Task<FetchedBase> FetchAsync(DebianPackageSource source, DebianPackagePin pin, string? suite, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        DebFile deb = await acquirer.AcquireAsync(pin, suite, warnings, cancellationToken);
        if (!File.Exists(deb.Path))
        {
            throw new ProcessFailedException($"The package file {deb.Path} is missing after the download.");
        }

        progress($"Hashing {Path.GetFileName(deb.Path)}...");
        string sha256 = await FileHash.Sha256Async(deb.Path, cancellationToken);
        SourceCacheKey key = SourceCacheKey.ForDebianPackage(pin.Package, deb.Version, sha256);
        if (cache.TryLoad(key) is { } cached)
        {
            return cached with { Warnings = [.. warnings, .. cached.Warnings] };
        }

        string unpacked = cache.NewTemporaryPath(key, "deb");
        try
        {
            progress($"Unpacking {Path.GetFileName(deb.Path)}...");
            Directory.CreateDirectory(unpacked);
            await runner.RunAsync(SourceCommands.DpkgDebExtract(deb.Path, unpacked), cancellationToken);
            string tarball = DebianSourceLayout.FindSourceTarball(RelativeFiles(unpacked), source.Series, key.Description);
            return await TarballFetcher.ImportArchiveAsync(
                cache, runner, importer, progress, Path.Combine(unpacked, tarball), key, warnings, cancellationToken);
        }
        finally
        {
            SourceCache.DeleteQuietly(unpacked);
        }
    }

    internal static IEnumerable<string> RelativeFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'));
}
