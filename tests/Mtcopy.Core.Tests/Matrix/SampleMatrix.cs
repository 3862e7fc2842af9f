using Mtcopy.Core.Matrix;

namespace Mtcopy.Core.Tests.Matrix;

/// <summary>
/// The matrix the project expects over 6.1, 6.12 and 7.2: the series conflicts on 6.1 and 7.2, passes on 6.12,
/// and the variant linux-7.2 maintained for 7.2 passes.
/// </summary>
internal static class SampleMatrix
{
    public static readonly string[] Patches = ["0001-mm-migrate-batch.patch", "0002-mm-migrate-offload.patch", "0003-mtcopy.patch"];

    public static MatrixRow Conflicting(string id, string kernel) =>
        new(id, $"Debian package linux-source-{id[7..]}", kernel, "c0ffee",
            [MatrixRow.Conflict, MatrixRow.NotAttempted, MatrixRow.NotAttempted],
            [new MatrixConflict(1, Patches[0], "mm/migrate.c", 3, 1700, "static int migrate_pages_batch(struct list_head *from,",
                "the base lacks migrate_pages_batch (named by the hunk header and context, absent from the file); no three-way merge was possible",
                ["\trc = migrate_pages_batch(from, mode);", "\tif (rc)"], ["\trc = unmap_and_move(page, mode);", "\tif (rc)"], ["migrate_pages_batch"])],
            MatrixStep.Pass("from the cache"), MatrixStep.Skip("the series does not apply"), MatrixStep.Skip("the series does not apply"));

    public static MatrixRow Passing(string id, string kernel, string? series = null) =>
        new(id, $"Debian package linux-source-{id[7..]}", kernel, "beef", ["clean", "clean", "clean"], [],
            MatrixStep.Pass("from the cache"),
            MatrixStep.Pass($"Linux {kernel}-mtcopy (smoke) and 1 module(s) in 4m10s", $"matrix/{id.Replace(':', '-')}{(series is null ? "" : "-" + series)}/logs/smoke/build.log"),
            MatrixStep.Pass("PASS: 98 tests"))
        {
            Series = series,
            Patches = series is null ? null : Patches,
        };

    public static MatrixReport Report(params MatrixRow[] rows) => new("mtcopy", "0.1.0", Patches, rows);

    /// <summary>6.1 conflict, 6.12 pass, 7.2 conflict, 7.2 [linux-7.2] pass.</summary>
    public static MatrixReport Expected() => Report(
        Conflicting("debian:6.1", "6.1.192"),
        Passing("debian:6.12", "6.12.117"),
        Conflicting("debian:7.2", "7.2.13"),
        Passing("debian:7.2", "7.2.13", "linux-7.2"));
}
