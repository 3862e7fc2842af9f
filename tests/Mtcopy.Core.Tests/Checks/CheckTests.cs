using Mtcopy.Core.Checks;

namespace Mtcopy.Core.Tests.Checks;

public sealed class CheckTests
{
    [Fact]
    public void Checkpatch_totals_are_read_from_its_output()
    {
        var summary = CheckpatchSummary.Parse("WARNING: x\n\ntotal: 1 errors, 2 warnings, 3 checks, 400 lines checked\n");

        Assert.Equal(new CheckpatchSummary(1, 2, 3), summary);
        Assert.False(summary.Clean);
    }

    [Fact]
    public void Checks_alone_leave_a_patch_clean()
    {
        Assert.True(CheckpatchSummary.Parse("total: 0 errors, 0 warnings, 5 checks, 9 lines checked").Clean);
        Assert.True(CheckpatchSummary.Parse("total: 0 errors, 0 warnings, 9 lines checked").Clean);
    }

    [Fact]
    public void Output_without_totals_is_an_error()
    {
        Assert.Throws<FormatException>(() => CheckpatchSummary.Parse("Usage: checkpatch.pl [OPTION]... [FILE]..."));
    }

    [Fact]
    public void Touched_c_files_become_objects_and_new_driver_directories_their_directory()
    {
        var targets = TouchedObjects.MakeTargets(
            ["mm/migrate.c", "mm/Kconfig", "drivers/migoffcopy/mtcopy/mtcopy.c", "include/linux/migrate_offc.h", "mm/migrate_offc.c"],
            dir => dir.StartsWith("drivers/migoffcopy", StringComparison.Ordinal));

        Assert.Equal(["drivers/migoffcopy/mtcopy/", "mm/migrate.o", "mm/migrate_offc.o"], targets);
    }

    [Fact]
    public void Only_warnings_in_touched_files_count()
    {
        string[] log =
        [
            "  CC      mm/migrate.o",
            "mm/migrate.c:12:5: warning: no previous prototype for 'f' [-Wmissing-prototypes]",
            "mm/other.c:3:1: warning: unrelated",
            "mm/migrate.c:20:1: error: not a warning",
        ];

        var warnings = TouchedObjects.WarningsIn(log, ["mm/migrate.c"]);

        Assert.Equal([log[1]], warnings);
    }
}
