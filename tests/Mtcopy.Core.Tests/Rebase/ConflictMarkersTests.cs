using Mtcopy.Core.Rebase;

namespace Mtcopy.Core.Tests.Rebase;

public sealed class ConflictMarkersTests
{
    [Fact]
    public void Parses_merge_and_diff3_regions_with_their_lines()
    {
        string text = "a\n<<<<<<< HEAD\nours 1\nours 2\n=======\ntheirs\n>>>>>>> 1234567 (patch)\nb\n"
            + "<<<<<<< ours\nx\n||||||| base\ny\n=======\nz\n>>>>>>> theirs\n";

        IReadOnlyList<ConflictHunk> hunks = ConflictMarkers.Parse("mm/migrate.c", text);

        Assert.Equal(2, hunks.Count);
        Assert.Equal(("mm/migrate.c", 2, 7), (hunks[0].Path, hunks[0].StartLine, hunks[0].EndLine));
        Assert.Equal(["ours 1", "ours 2"], hunks[0].Ours);
        Assert.Empty(hunks[0].Base);
        Assert.Equal(["theirs"], hunks[0].Theirs);
        Assert.Equal((9, 15), (hunks[1].StartLine, hunks[1].EndLine));
        Assert.Equal(["x"], hunks[1].Ours);
        Assert.Equal(["y"], hunks[1].Base);
        Assert.Equal(["z"], hunks[1].Theirs);
        Assert.True(ConflictMarkers.HasMarkers(text));
    }

    [Fact]
    public void An_unterminated_region_or_lookalike_lines_are_not_conflicts()
    {
        string text = "<<<<<<<< not a marker\n=======\n<<<<<<< HEAD\nours\n=======\n";

        Assert.Empty(ConflictMarkers.Parse("f", text));
        Assert.False(ConflictMarkers.HasMarkers("a\n=======\nb\n<<<<<<<< x\n"));
    }

    [Fact]
    public void Relabel_renames_only_git_applys_whole_ours_and_theirs_marker_lines()
    {
        const string text = "<<<<<<< ours\nx\n||||||| base\ny\n=======\nz\n>>>>>>> theirs\n<<<<<<< ours is a line\n>>>>>>> theirs";

        string relabeled = ConflictMarkers.Relabel(text, "mtcopy/apply", "0001-fix.patch");

        Assert.Equal("<<<<<<< mtcopy/apply\nx\n||||||| base\ny\n=======\nz\n>>>>>>> 0001-fix.patch\n<<<<<<< ours is a line\n>>>>>>> 0001-fix.patch", relabeled);
        Assert.Equal(["x"], Assert.Single(ConflictMarkers.Parse("f", relabeled)).Ours);
    }
}
