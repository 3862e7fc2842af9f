using Mtcopy.Adapters.Process;
using Mtcopy.Core.Sources;

namespace Mtcopy.Adapters.Sources;

/// <summary>
/// Turns a directory of files into a one-commit git repository, in place: every file including
/// the ones the tree's own .gitignore ignores (Debian's linux-source has <c>/*</c> there), stored
/// byte for byte, with a fixed identity and date so equal inputs give equal commit ids.
/// </summary>
internal sealed class GitImporter(IProcessRunner runner, Action<string> progress)
{
    /// <summary>
    /// Imports <paramref name="directory"/> (which must not be the user's) and returns the result
    /// with <see cref="FetchedBase.RepoPath"/> = <paramref name="directory"/>. Throws a
    /// <see cref="KernelFetchException"/> before any git work when it is not a kernel tree.
    /// </summary>
    public async Task<FetchedBase> ImportAsync(string directory, SourceCacheKey key, IReadOnlyList<string> warnings, CancellationToken cancellationToken)
    {
        string makefile = Path.Combine(directory, "Makefile");
        string kernelVersion = KernelTree.VersionFromMakefile(
            File.Exists(makefile) ? await File.ReadAllTextAsync(makefile, cancellationToken) : null,
            key.Description);

        var allWarnings = new List<string>(warnings);
        string strayGit = Path.Combine(directory, ".git");
        if (Directory.Exists(strayGit) || File.Exists(strayGit))
        {
            allWarnings.Add($"{key.Description} contains a top-level .git; it was left out of the import.");
            if (File.Exists(strayGit))
            {
                File.Delete(strayGit);
            }
            else
            {
                Directory.Delete(strayGit, recursive: true);
            }
        }

        progress($"Importing {key.Description} into git...");
        await runner.RunAsync(SourceCommands.GitInitImport(directory), cancellationToken);
        string infoDirectory = Path.Combine(directory, ".git", "info");
        Directory.CreateDirectory(infoDirectory);
        await File.WriteAllTextAsync(Path.Combine(infoDirectory, "attributes"), ImportIdentity.VerbatimAttributes, cancellationToken);
        await runner.RunAsync(SourceCommands.GitAddEverything(directory), cancellationToken);
        await runner.RunAsync(SourceCommands.GitCommitImport(directory, CommitMessage(key)), cancellationToken);

        string commitId = await GitQueries.ResolveCommitAsync(runner, directory, "HEAD", cancellationToken);
        string treeId = await GitQueries.TreeOfAsync(runner, directory, commitId, cancellationToken);
        return new FetchedBase(directory, commitId, treeId, key.Description, kernelVersion, key.Value, allWarnings);
    }

    /// <summary>Names the source; holds nothing that varies between two imports of the same input.</summary>
    internal static string CommitMessage(SourceCacheKey key) =>
        $"Import {key.Description}\n\nImported verbatim by mtcopy (all files, ignore rules not applied).\n";
}
