using Mtcopy.Core.Series.Manifest;
using Mtcopy.Core.Series.Quilt;
using Mtcopy.Core;

namespace Mtcopy.Core.Series;

/// <summary>
/// Decides what a <c>--series=</c> directory is: <c>manifest.yaml</c> wins (its patch list is
/// used, a <c>series</c> file next to it is ignored); otherwise a quilt <c>series</c> file;
/// otherwise it is a user error.
/// </summary>
public static class SeriesSourceResolver
{
    /// <summary>Resolves a directory on disk.</summary>
    public static SeriesSource Resolve(string directory) => Resolve(new DiskSeriesDirectory(directory));

    public static SeriesSource Resolve(ISeriesDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (directory.FileExists(SeriesSource.ManifestFileName))
        {
            var manifest = ManifestLoader.Parse(
                directory.ReadAllText(SeriesSource.ManifestFileName),
                Path.Combine(directory.DisplayPath, SeriesSource.ManifestFileName),
                directory.FileExists);
            return new SeriesSource
            {
                Directory = directory.DisplayPath,
                Format = SeriesFormat.Manifest,
                PatchFiles = manifest.Series.Patches,
                Manifest = manifest,
            };
        }

        if (directory.FileExists(SeriesSource.QuiltSeriesFileName))
        {
            return FromQuilt(directory);
        }

        throw new UserErrorException(
            $"'{directory.DisplayPath}' is not a patch series: it must contain either " +
            $"'{SeriesSource.ManifestFileName}' (an mtcopy series) or a quilt '{SeriesSource.QuiltSeriesFileName}' " +
            "file that lists the patch files in order.");
    }

    private static SeriesSource FromQuilt(ISeriesDirectory directory)
    {
        var name = Path.Combine(directory.DisplayPath, SeriesSource.QuiltSeriesFileName);
        var entries = QuiltSeriesParser.Parse(directory.ReadAllText(SeriesSource.QuiltSeriesFileName), name);
        if (entries.Count == 0)
        {
            throw new UserErrorException($"{name}: lists no patches; add one patch file name per line.");
        }

        foreach (var entry in entries)
        {
            if (!directory.FileExists(entry.PatchFile))
            {
                throw new UserErrorException(
                    $"{name}:{entry.LineNumber}: '{entry.PatchFile}' does not exist in '{directory.DisplayPath}'; " +
                    "add the file or remove the line.");
            }
        }

        return new SeriesSource
        {
            Directory = directory.DisplayPath,
            Format = SeriesFormat.Quilt,
            PatchFiles = entries.Select(e => e.PatchFile).ToList(),
        };
    }
}
