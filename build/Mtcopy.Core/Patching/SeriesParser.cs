namespace Mtcopy.Core.Patching;

/// <summary>Parses every patch of a series up front, so a corrupt patch is found before anything is written.</summary>
public static class SeriesParser
{
    /// <summary>Parses all diffs; errors name the patch.</summary>
    /// <exception cref="PatchFormatException">A patch is corrupt or contains no diff.</exception>
    public static IReadOnlyList<ParsedPatch> Parse(IReadOnlyList<PatchInput> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var parsed = new List<ParsedPatch>(series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            var input = series[i];
            IReadOnlyList<FilePatch> files;
            try
            {
                files = DiffParser.Parse(input.DiffText);
            }
            catch (PatchFormatException ex)
            {
                throw new PatchFormatException($"patch {i + 1} ({input.Name}): {ex.Message}", ex.Line, ex);
            }

            if (files.Count == 0)
            {
                throw new PatchFormatException($"patch {i + 1} ({input.Name}) contains no diff; drop it from the series or fix it");
            }

            parsed.Add(new ParsedPatch(input, files));
        }

        return parsed;
    }
}
