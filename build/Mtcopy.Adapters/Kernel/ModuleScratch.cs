using Mtcopy.Core;

namespace Mtcopy.Adapters.Kernel;

/// <summary>
/// Copies an external module's source into a scratch directory, leaving out VCS data and
/// build products, so that building never writes into the user's directory.
/// </summary>
internal static class ModuleScratch
{
    public const string MarkerFile = ".mtcopy-scratch";

    private static readonly string[] SkippedDirectories = [".git", ".tmp_versions"];

    private static readonly string[] SkippedSuffixes = [".o", ".ko", ".mod", ".mod.c", ".cmd", ".a", ".order", ".symvers", ".dwo"];

    /// <summary>A fresh copy of <paramref name="sourceDir"/> in <paramref name="scratchDir"/> (missing, empty, or a scratch of ours); its full path.</summary>
    public static string Prepare(string sourceDir, string scratchDir)
    {
        string source = Path.GetFullPath(sourceDir);
        if (!Directory.Exists(source))
        {
            throw new UserErrorException($"Module source directory {source} does not exist.");
        }

        if (!File.Exists(Path.Combine(source, "Kbuild")) && !File.Exists(Path.Combine(source, "Makefile")))
        {
            throw new UserErrorException($"{source} has neither a Kbuild nor a Makefile; point at an external module's directory.");
        }

        string scratch = Path.GetFullPath(scratchDir);
        ResetScratch(scratch, source);
        CopyTree(source, scratch);
        return scratch;
    }

    private static void ResetScratch(string scratch, string source)
    {
        string sourceWithSlash = Path.TrimEndingDirectorySeparator(source) + Path.DirectorySeparatorChar;
        if (string.Equals(scratch, source, StringComparison.Ordinal) || scratch.StartsWith(sourceWithSlash, StringComparison.Ordinal))
        {
            throw new UserErrorException($"The module output directory {scratch} must not be inside the module source {source}.");
        }

        if (Directory.Exists(scratch) && Directory.EnumerateFileSystemEntries(scratch).Any())
        {
            if (!File.Exists(Path.Combine(scratch, MarkerFile)))
            {
                throw new UserErrorException(
                    $"The module output directory {scratch} is not empty and was not made by mtcopy; choose an empty or new directory.");
            }

            Directory.Delete(scratch, recursive: true);
        }

        Directory.CreateDirectory(scratch);
        File.WriteAllText(Path.Combine(scratch, MarkerFile), "Scratch copy made by mtcopy; deleted and recreated on each module build.\n");
    }

    private static void CopyTree(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from))
        {
            string name = Path.GetFileName(file);
            if (!SkippedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(to, name));
            }
        }

        foreach (string directory in Directory.EnumerateDirectories(from))
        {
            string name = Path.GetFileName(directory);
            if (!SkippedDirectories.Contains(name, StringComparer.Ordinal))
            {
                string target = Path.Combine(to, name);
                Directory.CreateDirectory(target);
                CopyTree(directory, target);
            }
        }
    }
}
