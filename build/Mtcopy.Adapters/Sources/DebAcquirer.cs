using Mtcopy.Adapters.Process;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Sources;

/// <summary>
/// Gets the .deb of a pinned (or the newest) package version: from mtcopy's cache, from apt's own
/// archive directory, or with <c>apt-get download</c>. A pinned version apt no longer serves falls
/// back to apt's candidate with a warning. Empty package lists are refreshed once when running as
/// root; otherwise the user is told what to run. When a suite is named (the manifest's
/// <c>suite:</c>) and the system's apt lists do not offer the package, it comes from an
/// <see cref="IsolatedAptSuite"/> for that suite instead; /etc/apt is never changed.
/// </summary>
internal sealed class DebAcquirer(
    SourceCache cache,
    IProcessRunner runner,
    Func<bool> isPrivileged,
    IReadOnlyList<string> localArchiveDirectories,
    Action<string> progress)
{
    private bool updated;
    private IsolatedAptSuite? isolated;

    public Task<DebFile> AcquireAsync(DebianPackagePin pin, List<string> warnings, CancellationToken cancellationToken) =>
        AcquireAsync(pin, null, warnings, cancellationToken);

    /// <param name="suite">The Debian suite that provides the package, or null for the system's apt sources only.</param>
    public async Task<DebFile> AcquireAsync(DebianPackagePin pin, string? suite, List<string> warnings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(warnings);
        if (pin.Version is not null && FindLocal(pin, pin.Version) is { } cachedPin)
        {
            return cachedPin;
        }

        if (suite is not null && !await SystemOffersAsync(pin, cancellationToken))
        {
            isolated = new IsolatedAptSuite(cache.Root, suite, isPrivileged());
            progress($"{pin.ToAptArgument()} is not in this machine's apt lists: using mtcopy's own apt state for '{suite}' in {isolated.Directory} (the system's apt configuration is not changed)");
            isolated.Prepare();
            progress($"Updating the package lists of '{suite}' (apt-get update, isolated)...");
            await runner.RunAsync(SourceCommands.AptGetUpdate(isolated.Options), cancellationToken);
            updated = true;
        }

        if (pin.Version is not null)
        {

            AptDownloadFailure? failure = await TryDownloadAsync(pin, pin.Version, cancellationToken);
            if (failure is null)
            {
                return new DebFile(CachePath(pin, pin.Version), pin.Version);
            }

            if (failure != AptDownloadFailure.VersionNotFound)
            {
                throw new InvalidOperationException($"Unexpected apt failure {failure}.");
            }
        }

        string candidate = await CandidateAsync(pin.Package, cancellationToken);
        if (pin.Version is not null)
        {
            warnings.Add($"{pin.Package} {pin.Version} is no longer served by apt; using the newest available version {candidate} instead.");
        }

        if (FindLocal(pin, candidate) is { } cachedCandidate)
        {
            return cachedCandidate;
        }

        AptDownloadFailure? second = await TryDownloadAsync(pin, candidate, cancellationToken);
        return second is null
            ? new DebFile(CachePath(pin, candidate), candidate)
            : throw new KernelFetchException($"apt offers {pin.Package} {candidate} but could not download it ({second}).");
    }

    private IReadOnlyList<string> AptOptions => isolated?.Options ?? [];

    /// <summary>True when the system's apt lists offer the package (and the pinned version, when pinned).</summary>
    private async Task<bool> SystemOffersAsync(DebianPackagePin pin, CancellationToken cancellationToken)
    {
        ProcessResult policy = await runner.RunAsync(SourceCommands.AptCachePolicy(pin.Package) with { ThrowOnNonZeroExit = false }, cancellationToken);
        if (policy.ExitCode != 0 || AptOutput.ParsePolicyCandidate(policy.StandardOutputText) is null)
        {
            return false;
        }

        return pin.Version is null || policy.StandardOutputText.Split('\n')
            .Select(l => l.Trim().TrimStart('*').Trim())
            .Any(l => l.StartsWith(pin.Version + " ", StringComparison.Ordinal));
    }

    private string CachePath(DebianPackagePin pin, string version) => Path.Combine(cache.DebsDirectory, pin.CacheFileName(version));

    /// <summary>mtcopy's own cache first, then apt's archives (apt names them pkg_version_arch.deb).</summary>
    private DebFile? FindLocal(DebianPackagePin pin, string version)
    {
        string cached = CachePath(pin, version);
        if (File.Exists(cached))
        {
            return new DebFile(cached, version);
        }

        string pattern = Path.GetFileNameWithoutExtension(pin.CacheFileName(version)) + "_*.deb";
        string? archived = localArchiveDirectories
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, pattern))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        return archived is null ? null : new DebFile(archived, version);
    }

    /// <summary>Downloads <paramref name="version"/> into the cache; null when done, else why apt could not.</summary>
    private async Task<AptDownloadFailure?> TryDownloadAsync(DebianPackagePin pin, string version, CancellationToken cancellationToken)
    {
        string aptArgument = $"{pin.Package}={version}";
        string directory = cache.NewDownloadPath(pin.Package);
        Directory.CreateDirectory(directory);
        try
        {
            while (true)
            {
                progress($"Downloading {aptArgument} with apt-get...");
                ProcessSpec command = SourceCommands.AptGetDownload(aptArgument, directory, AptOptions);
                ProcessResult result = await runner.RunAsync(command with { ThrowOnNonZeroExit = false }, cancellationToken);
                if (result.ExitCode == 0)
                {
                    string[] debs = Directory.GetFiles(directory, "*.deb");
                    if (debs.Length != 1)
                    {
                        throw new ProcessFailedException($"'{command.CommandLine}' succeeded but left {debs.Length} .deb files in {directory}.");
                    }

                    File.Move(debs[0], CachePath(pin, version), overwrite: true);
                    return null;
                }

                AptDownloadFailure failure = AptOutput.ClassifyDownloadFailure(result.StandardError);
                switch (failure)
                {
                    case AptDownloadFailure.VersionNotFound:
                        return failure;
                    case AptDownloadFailure.PackageUnknown:
                        await UpdateListsOnceAsync(pin.Package, cancellationToken);
                        continue;
                    default:
                        throw new ProcessFailedException(command, result);
                }
            }
        }
        finally
        {
            SourceCache.DeleteQuietly(directory);
        }
    }

    private async Task<string> CandidateAsync(string package, CancellationToken cancellationToken)
    {
        while (true)
        {
            ProcessResult policy = await runner.RunAsync(SourceCommands.AptCachePolicy(package, AptOptions), cancellationToken);
            if (AptOutput.ParsePolicyCandidate(policy.StandardOutputText) is { } candidate)
            {
                return candidate;
            }

            await UpdateListsOnceAsync(package, cancellationToken);
        }
    }

    /// <summary>Runs <c>apt-get update</c> the first time; the second time the package is really unknown.</summary>
    private async Task UpdateListsOnceAsync(string package, CancellationToken cancellationToken)
    {
        if (updated && isolated is not null)
        {
            throw new KernelFetchException(
                $"The Debian suite '{isolated.Suite}' has no version of {package} (lists in {isolated.Directory}). " +
                "Correct the base's 'suite:' (or 'package:') in the series manifest.");
        }

        if (updated)
        {
            throw new KernelFetchException(
                $"apt has no version of {package}, even after apt-get update. Add the suite that provides it " +
                "(for linux-source-6.12 on Debian 12: bookworm-security or bookworm-backports) to the apt sources, run apt-get update, and try again.");
        }

        if (!isPrivileged())
        {
            throw new KernelFetchException(
                $"apt does not know the package {package}; its package lists are probably empty or stale. " +
                "Run 'sudo apt-get update' and try again.");
        }

        progress("Updating apt package lists (apt-get update)...");
        await runner.RunAsync(SourceCommands.AptGetUpdate(), cancellationToken);
        updated = true;
    }
}
