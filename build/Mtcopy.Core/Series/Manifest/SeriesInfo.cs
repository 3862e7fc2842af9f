namespace Mtcopy.Core.Series.Manifest;

/// <summary>The <c>series:</c> section.</summary>
public sealed record SeriesInfo
{
    /// <summary>Short name, e.g. <c>mtcopy</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Semantic version (<c>0.1.0</c>, <c>1.2.3-rc1</c>).</summary>
    public required string Version { get; init; }

    /// <summary>One line saying what the series does.</summary>
    public required string Summary { get; init; }

    /// <summary>
    /// <c>Name &lt;email&gt;</c> of the From: and Signed-off-by: lines of every patch; a placeholder
    /// until a submitter replaces it, with their own DCO sign-off, in the manifest and the patches.
    /// </summary>
    public string? Author { get; init; }

    /// <summary>Patch files relative to the manifest's directory, in application order.</summary>
    public required IReadOnlyList<string> Patches { get; init; }
}
