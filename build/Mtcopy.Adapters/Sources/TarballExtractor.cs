using Mtcopy.Adapters.Process;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Sources;

/// <summary>Extracts a tarball so that <c>destination</c> holds the tree itself.</summary>
internal sealed class TarballExtractor(IProcessRunner runner)
{
    /// <summary>
    /// Extracts <paramref name="archivePath"/> into the not yet existing <paramref name="destination"/>.
    /// A tarball with a single top-level directory (linux-6.12/...) gives that directory's contents.
    /// </summary>
    public async Task ExtractAsync(string archivePath, string destination, CancellationToken cancellationToken)
    {
        string unpacked = destination + ".unpack";
        Directory.CreateDirectory(unpacked);
        try
        {
            ProcessSpec tar = SourceCommands.TarExtract(archivePath, unpacked);
            ProcessResult result = await runner.RunAsync(tar with { ThrowOnNonZeroExit = false }, cancellationToken);
            if (result.ExitCode != 0)
            {
                var failure = new ProcessFailedException(tar, result);
                throw result.StandardError.Contains("No space left", StringComparison.Ordinal)
                    ? failure
                    : new KernelFetchException(
                        $"Could not extract {archivePath}: {result.StandardError.Trim()}\nCheck that it is a complete, uncorrupted tarball.",
                        failure);
            }

            string[] entries = Directory.GetFileSystemEntries(unpacked);
            bool singleDirectory = entries.Length == 1
                && Directory.Exists(entries[0])
                && new DirectoryInfo(entries[0]).LinkTarget is null;
            Directory.Move(singleDirectory ? entries[0] : unpacked, destination);
        }
        finally
        {
            SourceCache.DeleteQuietly(unpacked);
        }
    }
}
