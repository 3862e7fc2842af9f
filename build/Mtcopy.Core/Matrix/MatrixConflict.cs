namespace Mtcopy.Core.Matrix;

/// <summary>
/// Why a patch did not apply onto a base: which patch, which file and hunk, where, and the
/// evidence (the lines the hunk expects and the lines the base has there).
/// </summary>
/// <param name="PatchNumber">1-based position of the patch in the series.</param>
/// <param name="Patch">The patch's name.</param>
/// <param name="File">The file of the failed hunk.</param>
/// <param name="Hunk">1-based number of the hunk in its file; 0 when the whole file failed (e.g. missing).</param>
/// <param name="Line">The line where the patch expected the hunk.</param>
/// <param name="Section">The hunk header's section (the function it is in, as git diff names it); empty when unknown.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="ExpectedLines">Context and removed lines the hunk expects.</param>
/// <param name="ActualLines">The lines the base has at <paramref name="Line"/>.</param>
/// <param name="Missing">Identifiers the hunk's header and context name that the base's file lacks.</param>
public sealed record MatrixConflict(
    int PatchNumber,
    string Patch,
    string File,
    int Hunk,
    int Line,
    string Section,
    string Reason,
    IReadOnlyList<string> ExpectedLines,
    IReadOnlyList<string> ActualLines,
    IReadOnlyList<string> Missing);
