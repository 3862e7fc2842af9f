namespace Mtcopy.Core.Series.Quilt;

/// <summary>One patch named by a quilt <c>series</c> file.</summary>
/// <param name="PatchFile">Path relative to the series directory, forward slashes.</param>
/// <param name="LineNumber">1-based line of the series file that names it.</param>
public sealed record QuiltSeriesEntry(string PatchFile, int LineNumber);
