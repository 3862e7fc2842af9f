using Mtcopy.Adapters.Process;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Sources;

/// <summary>
/// The Fetch stage: turns a <see cref="KernelSourceSpec"/> into a git repository and a base commit
/// the Apply stage branches from. Imports are cached by content in a <see cref="SourceCache"/>;
/// a user's own directory or repository is never written to.
/// </summary>
public sealed class KernelFetcher
{
    /// <summary>Where apt keeps the packages it downloaded; a pinned .deb found there is used directly.</summary>
    public const string AptArchiveDirectory = "/var/cache/apt/archives";

    private readonly SourceCache cache;
    private readonly IProcessRunner runner;
    private readonly Action<string> progress;
    private readonly Func<bool> isPrivileged;
    private readonly IReadOnlyList<string> localArchiveDirectories;

    /// <param name="cache">Where downloads and imported bases are kept.</param>
    /// <param name="runner">Runs git, tar, apt and dpkg-deb.</param>
    /// <param name="progress">Receives one line per slow step (download, extract, import); may be null.</param>
    public KernelFetcher(SourceCache cache, IProcessRunner runner, Action<string>? progress = null)
        : this(cache, runner, progress, () => Environment.IsPrivilegedProcess, [AptArchiveDirectory])
    {
    }

    internal KernelFetcher(
        SourceCache cache,
        IProcessRunner runner,
        Action<string>? progress,
        Func<bool> isPrivileged,
        IReadOnlyList<string> localArchiveDirectories)
    {
        ArgumentNullException.ThrowIfNull(cache);
        this.cache = cache;
        this.runner = runner;
        this.progress = progress ?? (_ => { });
        this.isPrivileged = isPrivileged;
        this.localArchiveDirectories = localArchiveDirectories;
    }

    /// <summary>
    /// Fetches <paramref name="source"/>. For <see cref="DebianPackageSource"/>, <paramref name="debianPackage"/>
    /// names the package and pinned version (from the series manifest); when null, the newest
    /// <c>linux-source-&lt;series&gt;</c> apt offers is used. Other sources ignore it.
    /// </summary>
    /// <exception cref="UserErrorException">The source cannot be used as given; the message says what to change.</exception>
    /// <exception cref="ProcessFailedException">A tool failed for another reason (network, disk...).</exception>
    public Task<FetchedBase> FetchAsync(KernelSourceSpec source, DebianPackagePin? debianPackage = null, CancellationToken cancellationToken = default) =>
        FetchAsync(source, debianPackage, null, cancellationToken);

    /// <summary>
    /// As <see cref="FetchAsync(KernelSourceSpec, DebianPackagePin?, CancellationToken)"/>; <paramref name="debianSuite"/>
    /// (the manifest's <c>suite:</c>, e.g. <c>sid</c>) is where a Debian package comes from when the
    /// system's apt lists do not offer it: mtcopy then uses an apt state of its own under the cache.
    /// </summary>
    public async Task<FetchedBase> FetchAsync(KernelSourceSpec source, DebianPackagePin? debianPackage, string? debianSuite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        cache.RemoveAbandonedTemporaries();
        var importer = new GitImporter(runner, progress);
        return source switch
        {
            DebianPackageSource debian => await new DebianPackageFetcher(
                    cache, runner, importer, new DebAcquirer(cache, runner, isPrivileged, localArchiveDirectories, progress), progress)
                .FetchAsync(debian, debianPackage ?? DebianPackagePin.DefaultFor(debian.Series), debianSuite, cancellationToken),
            TarballSource tarball => await new TarballFetcher(cache, runner, importer, progress).FetchAsync(tarball, cancellationToken),
            LocalPathSource local => await FetchLocalAsync(local, importer, cancellationToken),
            GitRemoteSource remote => await new GitRemoteFetcher(cache, runner, progress).FetchAsync(remote, cancellationToken),
            _ => throw new ArgumentException($"Unknown kernel source {source}.", nameof(source)),
        };
    }

    private async Task<FetchedBase> FetchLocalAsync(LocalPathSource local, GitImporter importer, CancellationToken cancellationToken)
    {
        string directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(local.Path));
        if (!Directory.Exists(directory))
        {
            throw new KernelFetchException($"Directory {directory} does not exist.");
        }

        return await new LocalGitFetcher(runner).TryFetchAsync(directory, cancellationToken)
            ?? await new DirectoryFetcher(cache, runner, importer, progress).FetchAsync(directory, cancellationToken);
    }
}
