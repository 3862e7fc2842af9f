using Mtcopy.Core.Checks;
using Mtcopy.Core.Results;

namespace Mtcopy.Core.Tests.Checks;

public sealed class CleanApplyTests
{
    private static PatchRecord Outcome(string patch, string verdict) => new(patch, Applied: true, verdict, "c0ffee");

    [Fact]
    public void A_series_that_applied_clean_has_no_problem()
    {
        Assert.Empty(CleanApply.Problems([Outcome("0001.patch", "clean"), Outcome("0002.patch", "clean")], 2));
    }

    [Theory]
    [InlineData("offset")]
    [InlineData("fuzz")]
    [InlineData("three-way")]
    [InlineData("conflict")]
    public void A_patch_that_needed_more_than_a_clean_apply_is_named(string verdict)
    {
        var problems = CleanApply.Problems([Outcome("0001.patch", "clean"), Outcome("0002.patch", verdict)], 2);

        Assert.Equal([$"0002.patch: applied {verdict}, not clean"], problems);
    }

    [Fact]
    public void No_record_of_the_apply_is_a_problem_not_an_empty_pass()
    {
        var problems = CleanApply.Problems(null, 3);

        Assert.Single(problems);
        Assert.Contains("no per-patch outcome", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_of_fewer_patches_than_the_series_has_is_a_problem()
    {
        Assert.Equal(["Apply recorded 0 patch outcomes for a series of 3 patches"], CleanApply.Problems([], 3));
    }
}
