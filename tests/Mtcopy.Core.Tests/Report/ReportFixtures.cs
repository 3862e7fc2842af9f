using Mtcopy.Core.Bench;
using Mtcopy.Core.Matrix;
using Mtcopy.Core.Patching;
using Mtcopy.Core.Rebase;
using Mtcopy.Core.Report;
using Mtcopy.Core.Results;
using ResultPatch = Mtcopy.Core.Results.PatchRecord;

namespace Mtcopy.Core.Tests.Report;

/// <summary>Runs as their records would be read back: a pass with Bench, an Apply conflict, a guest failure, a matrix.</summary>
internal static class ReportFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private const string Sha = "e849faf31ca3555757f3a8877cb01af92122f744f75d1f3102734651c4e14703";

    private static readonly string[] Patches =
    [
        "0001-mm-migrate-copy-the-contents-of-a-batch.patch",
        "0002-mm-migrate-let-a-migrator-driver-offload.patch",
        "0003-drivers-migoffcopy-add-mtcopy.patch",
    ];

    public const string PassingKtap = """
        KTAP version 1
        1..2
            KTAP version 1
            1..2
            ok 1 load
            ok 2 sysfs_threads
        ok 1 module
            KTAP version 1
            1..2
            ok 1 4k_offload_on
            ok 2 thp_offload_on # SKIP no THP
        ok 2 migrate
        """;

    public const string FailingKtap = """
        KTAP version 1
        1..2
            KTAP version 1
            1..2
            ok 1 load
            ok 2 sysfs_threads
        ok 1 module
            KTAP version 1
            1..2
            not ok 1 4k_offload_on
            # bytes differ at offset 4096 <expected 0xaa>
            ok 2 thp_offload_on
        not ok 2 migrate
        """;

    public static RunMetadata Metadata(params StageResult[] stages) => new()
    {
        ToolVersion = "0.1.0",
        RunId = "20261205T090000000Z",
        StartedUtc = Start,
        FinishedUtc = Start.AddSeconds(stages.Sum(s => s.DurationSeconds) + 1),
        Command = ["./build.sh", "--target=Default", "--out=artifacts"],
        Inputs = new Dictionary<string, string> { ["kernel"] = "debian:6.12", ["base_commit"] = "2b168bfe1f7d8fd281519701fdf138e06a0cf533", ["series"] = Sha },
        Stages = stages,
    };

    public static ApplyResult AppliedClean() => new("2b168bfe1f7d8fd281519701fdf138e06a0cf533", "7c169e42d04e75f967959d07804da8d5238d7475", "f61bc444d046",
        [.. Patches.Select((p, i) => new ResultPatch(p, true, i == 1 ? "offset" : "clean", "930cc90c1c45d3c7bfadaf7f97b63aad8d3b118" + i))]);

    public static RunRecords Pass()
    {
        StageResult[] stages =
        [
            StageResult.Pass("fetch", TimeSpan.FromSeconds(42), "Debian package linux-source-6.12"),
            StageResult.Pass("apply", TimeSpan.FromSeconds(3), "3 patches"),
            StageResult.Skipped("configure", "config unchanged"),
            StageResult.Pass("build", TimeSpan.FromSeconds(600), "bzImage and modules"),
            StageResult.Pass("package", TimeSpan.FromSeconds(120), "packages lint clean") with
            {
                Details = new Dictionary<string, string> { ["lint/mtcopy-dkms_1.0_all.deb"] = "PASSED", ["lint/mtcopy-dkms-1.0-1.noarch.rpm"] = "PASSED" },
            },
            StageResult.Pass("smoke", TimeSpan.FromSeconds(90), "smoke: Pass"),
            StageResult.Pass("bench", TimeSpan.FromSeconds(200), "measured"),
        ];
        RunMetadata metadata = Metadata(stages) with
        {
            Apply = AppliedClean(),
            Artifacts =
            [
                new ArtifactRecord("packages/mtcopy-dkms_1.0_all.deb", 20480, Sha),
                new ArtifactRecord("packages/mtcopy-dkms-1.0-1.noarch.rpm", 30720, Sha),
                new ArtifactRecord("packages/linux-image-6.12.117-mtcopy_1_amd64.deb", 9_000_000, Sha),
                new ArtifactRecord("packages/SHA256SUMS", 300, Sha),
                new ArtifactRecord("smoke/smoke/junit.xml", 900, Sha),
            ],
        };
        var present = new HashSet<string>(StringComparer.Ordinal)
        {
            "packages/mtcopy-dkms_1.0_all.deb", "packages/mtcopy-dkms-1.0-1.noarch.rpm", "packages/SHA256SUMS",
            "smoke/smoke/junit.xml", "smoke/smoke/ktap.txt", "smoke/smoke/console.log",
        };
        return new RunRecords(metadata)
        {
            Guests = [new GuestRecord("smoke", PassingKtap, "boot\nok\n")],
            Bench = BenchGuestJson.Parse(BenchJson.Serialize(Bench())),
            FileExists = present.Contains,
        };
    }

    public static BenchReport Bench() => new(new BenchMachine(Start, 2, 2, "6.12.117", "smoke"))
    {
        Guest = new GuestThroughput(
        [
            new ThroughputRow("4k", 0.3127, [0.2811, 0.4519, 0.5342, 0.6013, 0.6124, 0.6208, 0.6251, 0.6302]),
            new ThroughputRow("thp", 2.71, [2.405, 3.9876, 4.8121, 5.3302, 5.4017, 5.4411, 5.5003, 5.4876]),
        ], 7),
    };

    public static RunRecords Conflict()
    {
        var hunks = new List<HunkResult>
        {
            new(1, HunkOutcome.Offset, 100, 112, 12, 0, [], []),
            new(2, HunkOutcome.Conflict, 240, null, 0, 0, ["static int migrate_folio(", "\tstruct folio *src)"], ["static int migrate_folio_new(", "\tstruct folio *src, int mode)"]),
        };
        var report = new SeriesReport(
        [
            new PatchReport(1, Patches[0], PatchOutcome.Applied, "930cc90c1c45", [new FileReport("mm/migrate.c", null, FileChangeKind.Modify, FileOutcome.Applied, null, [new(1, HunkOutcome.Clean, 10, 10, 0, 0, [], [])])]),
            new PatchReport(2, Patches[1], PatchOutcome.Stopped, null, [new FileReport("mm/migrate.c", null, FileChangeKind.Modify, FileOutcome.Conflict, null, hunks)]),
            new PatchReport(3, Patches[2], PatchOutcome.NotAttempted, null, []),
        ]);
        ConflictHunk region = new("mm/migrate.c", 250, 258, ["static int migrate_folio_new(", "\tstruct folio *src, int mode)"], [], ["static int migrate_folio(", "\tstruct folio *src, bool offload)"]);
        StageResult[] stages =
        [
            StageResult.Skipped("fetch", "already in the cache"),
            StageResult.Fail("apply", TimeSpan.FromSeconds(4), "the series does not apply onto Linux 7.2 <see apply-report.txt>"),
        ];
        RunMetadata metadata = Metadata(stages) with
        {
            Apply = new ApplyResult("2b168bfe1f7d8fd281519701fdf138e06a0cf533", null, null,
            [
                new ResultPatch(Patches[0], true, "clean", "930cc90c1c45"),
                new ResultPatch(Patches[1], false, "conflict"),
                new ResultPatch(Patches[2], false, "not-attempted"),
            ]),
        };
        return new RunRecords(metadata) { Apply = ApplyReportJson.Parse(ApplyReportJson.Serialize(new ApplyReportFile(report, [region]))) };
    }

    public static RunRecords GuestFailure()
    {
        StageResult[] stages =
        [
            StageResult.Pass("fetch", TimeSpan.FromSeconds(1), "cached"),
            StageResult.Pass("apply", TimeSpan.FromSeconds(3), "3 patches"),
            StageResult.Pass("build", TimeSpan.FromSeconds(100), "built"),
            StageResult.Fail("smoke", TimeSpan.FromSeconds(80), "the smoke test failed:\ndebug: 1 of 6 tests failed"),
        ];
        string console = string.Join('\n', Enumerable.Range(1, 60).Select(i => $"[ {i}.000000] line {i}")) + "\nBUG: KASAN: slab-out-of-bounds in mtcopy_copy\n";
        return new RunRecords(Metadata(stages) with { Apply = AppliedClean() })
        {
            Guests = [new GuestRecord("debug", FailingKtap, console), new GuestRecord("smoke", PassingKtap, "ok\n")],
            FileExists = p => p.StartsWith("smoke/", StringComparison.Ordinal),
        };
    }

    public static RunRecords Matrix()
    {
        MatrixConflict conflict = new(1, Patches[0], "mm/migrate.c", 2, 1700, "static int migrate_pages_batch(", "the hunk's context is not in the base",
            ["context"], ["other"], ["__migrate_folio", "folio_mc_copy"]);
        var report = new MatrixReport("mtcopy", "1", Patches,
        [
            new MatrixRow("debian:6.1", "Linux 6.1.158", "6.1.158", "aaaa", ["conflict", "not-attempted", "not-attempted"], [conflict],
                MatrixStep.Pass("fetched"), MatrixStep.Skip("not built after a conflict"), MatrixStep.Skip("not built")),
            new MatrixRow("debian:6.12", "Linux 6.12.117", "6.12.117", "bbbb", ["clean", "offset", "clean"], [],
                MatrixStep.Pass("fetched"), MatrixStep.Pass("built", "matrix/debian-6.12/build.log"), MatrixStep.Fail("smoke failed", "matrix/debian-6.12/smoke.log")),
            new MatrixRow("debian:7.2", "Linux 7.2", "7.2.0", "cccc", ["clean", "three-way", "clean", "clean"], [],
                MatrixStep.Pass("fetched"), MatrixStep.Pass("built"), MatrixStep.Pass("passed")) { Series = "linux-7.2" },
        ]);
        StageResult[] stages = [StageResult.Fail("matrix", TimeSpan.FromSeconds(3000), "debian:6.12 does not pass")];
        return new RunRecords(Metadata(stages) with { Command = ["./build.sh", "--target=Matrix", "--kernels=debian:6.1,debian:6.12,debian:7.2"] })
        {
            Matrix = MatrixJson.Parse(MatrixJson.Serialize(report), "matrix.json"),
            FileExists = p => p == "matrix/debian-6.12/build.log",
        };
    }

    public static string Render(RunRecords records) =>
        ReportTemplate.Render(File.ReadAllText(Packaging.RepositoryFiles.PathOf(ReportTemplate.RelativePath)), ReportBuilder.Build(records));
}
