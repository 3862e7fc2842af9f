using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Tests.Patching;

public sealed class PathSafetyTests
{
    private static ParsedPatch Patch(string name, string diff) =>
        new(new PatchInput(name, diff, "A", "a@example.org", DateTimeOffset.UnixEpoch, "m"), DiffParser.Parse(diff));

    private static string Add(string path, string mode = "100644") =>
        $"diff --git a/{path} b/{path}\nnew file mode {mode}\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1 @@\n+x\n\\ No newline at end of file\n";

    [Theory]
    [InlineData("../evil", "\"..\" path component")]
    [InlineData("a/../../evil", "\"..\" path component")]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData(".git/config", "inside the .git directory")]
    [InlineData("sub/.GIT/hooks/pre-commit", "inside the .git directory")]
    [InlineData("a//b", "empty path component")]
    [InlineData("./a", "\".\" path component")]
    public void Refuses_paths_outside_the_tree(string path, string reason)
    {
        Assert.Equal(reason, PathSafety.CheckSyntax(path));
    }

    [Theory]
    [InlineData("mm/migrate.c")]
    [InlineData("a..b/.gitignore")]
    [InlineData(".github/x")]
    public void Accepts_ordinary_paths(string path)
    {
        Assert.Null(PathSafety.CheckSyntax(path));
    }

    [Fact]
    public void Checks_every_patch_and_both_names_of_a_rename()
    {
        var series = new[]
        {
            Patch("0001-ok", Add("ok.c")),
            Patch("0002-rename", "diff --git a/x b/y\nsimilarity index 100%\nrename from ../x\nrename to y\n"),
            Patch("0003-abs", "diff --git a//etc/passwd b//etc/passwd\n--- a//etc/passwd\n+++ b//etc/passwd\n@@ -1 +1 @@\n-root\n+evil\n"),
        };

        var violations = PathSafety.Check(series, _ => false);

        Assert.Equal(new[] { (2, "../x"), (3, "/etc/passwd") }, violations.Select(v => (v.PatchNumber, v.Path)).ToArray());
        var ex = Assert.Throws<UnsafePatchPathException>(() => PathSafety.EnsureSafe(series, _ => false));
        Assert.Equal(2, ex.Violations.Count);
        Assert.Contains("0003-abs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_writing_through_a_symlink_in_the_tree()
    {
        var series = new[] { Patch("p", Add("link/inner/file.c")) };

        var v = Assert.Single(PathSafety.Check(series, p => p == "link"));

        Assert.Contains("\"link\"", v.Reason, StringComparison.Ordinal);
        Assert.Empty(PathSafety.Check(series, _ => false));
    }

    [Fact]
    public void Tracks_symlinks_created_and_removed_by_earlier_patches()
    {
        var createLink = Patch("1", Add("dir", "120000"));
        var throughIt = Patch("2", Add("dir/x"));
        var removeTreeLink = Patch("3", "diff --git a/old b/old\ndeleted file mode 120000\n--- a/old\n+++ /dev/null\n@@ -1 +0,0 @@\n-/tmp\n\\ No newline at end of file\n");
        var intoRemoved = Patch("4", Add("old/x"));

        var v = PathSafety.Check([createLink, throughIt, removeTreeLink, intoRemoved], p => p == "old");

        Assert.Equal(2, Assert.Single(v).PatchNumber);
    }
}
