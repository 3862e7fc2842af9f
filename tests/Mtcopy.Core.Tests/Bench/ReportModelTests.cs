using Mtcopy.Core.Bench;
using Mtcopy.Core.Results;
using Mtcopy.Core;

namespace Mtcopy.Core.Tests.Bench;

public sealed class ReportModelTests
{
    [Fact]
    public void A_step_compares_the_medians_of_both_sides()
    {
        var step = new StepTiming("build", "make", [12.0, 14.0, 13.0], [11.0, 10.0, 30.0]);

        Assert.Equal(13.0, step.PipelineMedian);
        Assert.Equal(11.0, step.BareMedian);
        Assert.Equal(2.0, step.OverheadSeconds);
        Assert.Equal(13.0 / 11.0, step.Ratio!.Value, 10);
    }

    [Fact]
    public void A_faster_pipeline_shows_a_negative_overhead()
    {
        var step = new StepTiming("smoke", "qemu", [9.0], [10.0]);

        Assert.Equal(-1.0, step.OverheadSeconds);
        Assert.Equal(0.9, step.Ratio!.Value, 10);
    }

    [Fact]
    public void Totals_are_the_median_of_each_repetitions_sum()
    {
        var overhead = new PipelineOverhead("what",
        [
            new StepTiming("configure", "", [1.0, 9.0], [1.0, 1.0]),
            new StepTiming("build", "", [10.0, 2.0], [5.0, 7.0]),
        ]);

        Assert.Equal(2, overhead.Repetitions);
        Assert.Equal(11.0, overhead.PipelineTotal);
        Assert.Equal(7.0, overhead.BareTotal);
        Assert.Equal(4.0, overhead.OverheadSeconds);
        Assert.Equal(11.0 / 7.0, overhead.Ratio!.Value, 10);
    }

    [Fact]
    public void No_steps_total_nothing()
    {
        var overhead = new PipelineOverhead("what", []);

        Assert.Equal(0, overhead.Repetitions);
        Assert.Equal(0.0, overhead.PipelineTotal);
        Assert.Null(overhead.Ratio);
    }

    [Fact]
    public void Apply_totals_and_ratio()
    {
        var same = new ApplyComparison("base", 3, 14.0, 1.5, "tree", 13.0, 0.5, "tree");
        var other = same with { AmTree = "other", AmApplySeconds = 0 };

        Assert.Equal(15.5, same.OursTotalSeconds);
        Assert.Equal(13.5, same.AmTotalSeconds);
        Assert.Equal(3.0, same.ApplyRatio!.Value, 10);
        Assert.True(same.SameTree);
        Assert.False(other.SameTree);
        Assert.Null(other.ApplyRatio);
    }

    [Fact]
    public void A_rerun_lists_skipped_ran_and_failed_stages_without_the_summary()
    {
        var rerun = new RerunTiming("./build.sh", 60,
        [
            StageResult.Skipped("fetch", "cached"), StageResult.Skipped("apply", "unchanged"),
            new StageResult("smoke", StageStatus.Pass, 40, "ok"), new StageResult("package", StageStatus.Fail, 3, "lint"),
            new StageResult("summary", StageStatus.Fail, 0, "the run failed"),
        ]);

        Assert.Equal(["fetch", "apply"], rerun.Skipped);
        Assert.Equal(["smoke"], rerun.Ran);
        Assert.Equal(["package"], rerun.Failed);
    }

    [Fact]
    public void The_rerun_is_measured_against_the_kernels_own_no_change_make()
    {
        var rerun = new RerunTiming("./build.sh", 9.3, []);

        Assert.Null(rerun.MakeRatio);
        Assert.Equal("no-change ./build.sh vs no-change make: not measured", rerun.MakeRatioLine);
        Assert.Equal("no-change ./build.sh vs no-change make: 1.9x", (rerun with { MakeSeconds = 5 }).MakeRatioLine);
        Assert.Null((rerun with { MakeSeconds = 0 }).MakeRatio);
    }

    [Theory]
    [InlineData(null, new[] { "apply", "guest", "pipeline", "rerun" })]
    [InlineData(" ", new[] { "apply", "guest", "pipeline", "rerun" })]
    [InlineData("rerun,apply", new[] { "apply", "rerun" })]
    [InlineData(" guest , guest ", new[] { "guest" })]
    public void Parts_run_in_a_fixed_order(string? selection, string[] expected) =>
        Assert.Equal(expected, BenchParts.Parse(selection));

    [Theory]
    [InlineData("apply,speed")]
    [InlineData(",")]
    public void Unknown_parts_are_a_user_error(string selection)
    {
        var e = Assert.Throws<UserErrorException>(() => BenchParts.Parse(selection));
        Assert.Contains("apply, guest, pipeline, rerun", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<UserErrorException>(e);
    }
}
