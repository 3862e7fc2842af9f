using Mtcopy.Core;

namespace Mtcopy.Cli;

/// <summary>
/// The output directory (--out) and the marker that says the pipeline made it. Only a directory with the marker
/// may be deleted by Clean: --out=. or --out=$HOME names a directory we did not make, and Clean refuses it.
/// </summary>
public static class OutputDirectory
{
    public const string MarkerFileName = ".mtcopy-output";

    /// <summary>Creates <paramref name="outDir"/> if needed; a directory we create (or find empty) gets the marker.</summary>
    public static void Prepare(string outDir)
    {
        bool ours = !Directory.Exists(outDir) || !Directory.EnumerateFileSystemEntries(outDir).Any();
        Directory.CreateDirectory(outDir);
        if (ours)
        {
            File.WriteAllText(Path.Combine(outDir, MarkerFileName),
                "This directory was made by mtcopy as its output directory (--out); ./build.sh --target=Clean may delete it.\n");
        }
    }

    /// <summary>True when <paramref name="outDir"/> carries the marker.</summary>
    public static bool IsMarked(string outDir) => File.Exists(Path.Combine(outDir, MarkerFileName));

    /// <summary>Throws unless <paramref name="outDir"/> is an output directory mtcopy made, and none of the places a slip would cost most.</summary>
    /// <exception cref="UserErrorException">The directory is not ours: the message says why and what to do.</exception>
    public static void RequireDeletable(string outDir, string repoRoot)
    {
        string dir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] guarded = [Path.GetFullPath(repoRoot), .. home.Length > 0 ? [home] : Array.Empty<string>(), "/"];
        foreach (string place in guarded.Select(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p))))
        {
            if (IsSameOrAncestor(dir, place))
            {
                throw new UserErrorException($"Clean refuses to delete --out={outDir}: {dir} is or holds {place}. Give the output directory of a run, e.g. --out=artifacts.");
            }
        }

        if (!IsMarked(dir))
        {
            throw new UserErrorException($"Clean refuses to delete --out={outDir}: {dir} has no {MarkerFileName} marker, so mtcopy did not make it " +
                "(or made it before the marker existed). Give the output directory of a run, or delete it yourself if you are sure.");
        }
    }

    private static bool IsSameOrAncestor(string dir, string place) =>
        string.Equals(dir, place, StringComparison.Ordinal)
        || place.StartsWith(dir.EndsWith('/') ? dir : dir + "/", StringComparison.Ordinal);
}
