using Mtcopy.Core.Patching;
using Mtcopy.Core.Series.Quilt;

namespace Mtcopy.Core.Series;

/// <summary>Reads the patches of a resolved series, in order.</summary>
public static class SeriesPatchLoader
{
    /// <summary>
    /// Parses every patch file of <paramref name="source"/>. Cover letters are skipped; any
    /// other mail or patch without a diff is an error. <paramref name="fallbackDate"/> dates
    /// patches that carry no date (DEP-3 patches often do not).
    /// </summary>
    public static IReadOnlyList<PatchMail> Load(SeriesSource source, ISeriesDirectory directory, DateTimeOffset fallbackDate)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(directory);
        var patches = new List<PatchMail>();
        foreach (var file in source.PatchFiles)
        {
            foreach (var patch in PatchFileParser.Parse(directory.ReadAllText(file), file, fallbackDate))
            {
                if (patch.IsCoverLetter)
                {
                    continue;
                }

                if (!patch.HasDiff)
                {
                    throw new PatchFormatException(
                        $"{Path.Combine(source.Directory, patch.SourceName)}: contains no diff; remove it from the " +
                        "series or regenerate it (git format-patch, or quilt refresh).");
                }

                patches.Add(patch);
            }
        }

        return patches;
    }
}
