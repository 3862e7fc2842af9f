using Mtcopy.Adapters.Git;
using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Tests.Git;

public sealed class PathRefusalTests : IDisposable
{
    private readonly TestRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private static PatchInput Input(string name, string diff) =>
        new(name, diff, TestRepo.AuthorName, TestRepo.AuthorEmail, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), name + "\n");

    private static string AddFile(string path) =>
        $"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..ce01362\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1 @@\n+hello\n";

    [Theory]
    [InlineData("../evil")]
    [InlineData("/etc/passwd")]
    [InlineData("link/evil")]
    [InlineData(".git/config")]
    [InlineData("sub/.git/hooks/post-checkout")]
    public async Task Refused_paths_stop_the_series_before_anything_is_written(string badPath)
    {
        _repo.Write("f.c", "one\n");
        File.CreateSymbolicLink(Path.Combine(_repo.Dir, "link"), _repo.Root);
        _repo.Commit("base");
        var shape = _repo.RepoShape();
        var before = _repo.UserState("f.c");
        var series = new[]
        {
            Input("0001-good", AddFile("good.c")),
            Input("0002-bad", AddFile(badPath)),
        };
        var applier = new SeriesApplier(new GitCli());
        var request = new ApplyRequest(new WorkspaceSpec(_repo.Dir, "main", "mtcopy/apply", _repo.WorktreePath), ApplyOptions.Default);

        var ex = await Assert.ThrowsAsync<UnsafePatchPathException>(() => applier.ApplyAsync(request, series));

        var v = Assert.Single(ex.Violations);
        Assert.Equal((2, badPath), (v.PatchNumber, v.Path));
        Assert.False(Directory.Exists(_repo.WorktreePath));
        Assert.False(Directory.Exists(Path.Combine(_repo.Root, "out")));
        Assert.False(File.Exists(Path.Combine(_repo.Root, "evil")));
        Assert.Equal(shape, _repo.RepoShape());
        Assert.Equal(before, _repo.UserState("f.c"));
    }
}
