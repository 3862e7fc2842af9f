using Mtcopy.Adapters.Process;
using Mtcopy.Core.SystemTest;

namespace Mtcopy.Adapters.SystemTest;

/// <summary>
/// The system test's Debian root, made once by mmdebstrap from the Debian archive and kept as a tarball in
/// &lt;cache&gt;/system-roots under a name that hashes the package list.
/// </summary>
public sealed class SystemRootCache(IProcessRunner runner)
{
    public const string DirectoryName = "system-roots";

    /// <returns>The tarball's path, and whether this call made it.</returns>
    public async Task<(string Path, bool Made)> EnsureAsync(SystemRootSpec spec, string cacheDir, string logPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string dir = Path.Combine(cacheDir, DirectoryName);
        string tar = Path.Combine(dir, spec.TarballName);
        if (File.Exists(tar))
        {
            return (tar, false);
        }

        Directory.CreateDirectory(dir);
        string partial = tar + ".partial";
        File.Delete(partial);
        await runner.RunAsync(new ProcessSpec("mmdebstrap", spec.MmdebstrapArguments(partial))
        {
            LogPath = logPath,
            Timeout = TimeSpan.FromMinutes(30),
        }, cancellationToken).ConfigureAwait(false);
        File.Move(partial, tar, overwrite: true);
        return (tar, true);
    }
}
