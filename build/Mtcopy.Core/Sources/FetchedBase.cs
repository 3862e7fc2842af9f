namespace Mtcopy.Core.Sources;

/// <summary>
/// The Fetch stage's result: a git repository and the commit the Apply stage branches from.
/// </summary>
/// <param name="RepoPath">Absolute path of the repository (a cache repository, or the user's own git repository).</param>
/// <param name="CommitId">Full id of the base commit.</param>
/// <param name="TreeId">Full id of that commit's tree: equal trees mean equal sources.</param>
/// <param name="Description">What was fetched, in words (package and version, tarball and sha256, url and ref...).</param>
/// <param name="KernelVersion">From the top-level Makefile, as <c>make kernelversion</c> prints it, e.g. 6.12.117.</param>
/// <param name="CacheKey">The <see cref="SourceCacheKey.Value"/> of this base.</param>
/// <param name="Warnings">Things the user should know (fallback version used, uncommitted changes ignored...).</param>
/// <param name="FromCache">True when an existing cache entry was reused without importing again.</param>
public sealed record FetchedBase(
    string RepoPath,
    string CommitId,
    string TreeId,
    string Description,
    string KernelVersion,
    string CacheKey,
    IReadOnlyList<string> Warnings,
    bool FromCache = false);
