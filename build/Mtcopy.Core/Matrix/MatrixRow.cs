namespace Mtcopy.Core.Matrix;

/// <summary>
/// One kernel base and one series of the matrix: the verdict of every patch, the conflicts, and the build and
/// smoke results. A base whose manifest entry names a variant of the series has two rows: the series itself,
/// then the variant (<see cref="Series"/>).
/// </summary>
/// <param name="Base">The base as given in --kernels (e.g. debian:6.12, a path or a tarball).</param>
/// <param name="Description">What was fetched, in words.</param>
/// <param name="KernelVersion">The kernel version of the base, e.g. 6.12.117; empty when the fetch failed.</param>
/// <param name="BaseCommit">The base commit; empty when the fetch failed.</param>
/// <param name="Verdicts">One word per patch of the series, in order: clean, offset, fuzz, three-way, conflict, not-attempted.</param>
/// <param name="Conflicts">Every hunk that did not apply, with its evidence.</param>
/// <param name="Fetch">The fetch step.</param>
/// <param name="Build">Configure and build of the kernel and modules.</param>
/// <param name="Smoke">The qemu smoke test.</param>
public sealed record MatrixRow(
    string Base,
    string Description,
    string KernelVersion,
    string BaseCommit,
    IReadOnlyList<string> Verdicts,
    IReadOnlyList<MatrixConflict> Conflicts,
    MatrixStep Fetch,
    MatrixStep Build,
    MatrixStep Smoke)
{
    public const string NotAttempted = "not-attempted";
    public const string Conflict = "conflict";

    /// <summary>
    /// The variant of the series this row applied: its directory as the manifest's <c>bases[].series</c> names it
    /// (e.g. linux-7.2); null for the series itself.
    /// </summary>
    public string? Series { get; init; }

    /// <summary>The patches this row applied, in order, when they are not the report's (a variant's); else null.</summary>
    public IReadOnlyList<string>? Patches { get; init; }

    /// <summary>How tables name the row: the base, and the variant in brackets (e.g. <c>debian:7.2 [linux-7.2]</c>).</summary>
    public string Label => Series is null ? Base : $"{Base} [{Series}]";

    /// <summary>True when every patch applied (clean, offset, fuzz or three-way).</summary>
    public bool Applied => Verdicts.Count > 0 && Verdicts.All(v => v is not (Conflict or NotAttempted));

    /// <summary>A base whose fetch failed: nothing was applied.</summary>
    public static MatrixRow FetchFailed(string baseId, int patchCount, string why) =>
        new(baseId, baseId, "", "", [.. Enumerable.Repeat(NotAttempted, patchCount)], [],
            MatrixStep.Fail(why), MatrixStep.Skip("not fetched"), MatrixStep.Skip("not fetched"));

    /// <summary>The row's one-word verdict: pass (applied, built, smoke passed or skipped), or what failed first.</summary>
    public string Overall =>
        Fetch.Status == MatrixStepStatus.Fail ? "fetch-failed"
        : !Applied ? "conflict"
        : Build.Status == MatrixStepStatus.Fail ? "build-failed"
        : Smoke.Status == MatrixStepStatus.Fail ? "smoke-failed"
        : "pass";
}
