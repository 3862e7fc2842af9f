using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Rebase;
using Mtcopy.Adapters.Tests.Git;
using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Tests.Matrix;

/// <summary>
/// A base imported on its own (another repository, as every Debian package is) lacks the blobs the
/// patches were made from, so the three-way fallback cannot run. Applying in a repository that
/// borrows the objects of the series' own base makes it possible, and writes nothing to either.
/// </summary>
public sealed class ThreeWayBorrowingTests : IDisposable
{
    private readonly MatrixFixture fixture = new();
    private readonly TestRepo other = new();
    private readonly string baseCommit;

    public ThreeWayBorrowingTests()
    {
        other.Write("mm/migrate.c", MatrixFixture.Migrate(batched: true, grown: false)
            .Replace("\tint i, rc = 0;", "\tint i, rc = 0, moved = 0;", StringComparison.Ordinal));
        other.Write("include/linux/migrate.h", "#ifndef _LINUX_MIGRATE_H\n#define _LINUX_MIGRATE_H\nint migrate_pages(void);\n#endif\n");
        baseCommit = other.Commit("Linux 6.14, imported");
    }

    public void Dispose()
    {
        other.Dispose();
        fixture.Dispose();
    }

    private Task<SeriesResult> ApplyAsync(string repository, string worktree) =>
        new SeriesApplier(new GitCli()).ApplyAsync(
            new ApplyRequest(new WorkspaceSpec(repository, baseCommit, "mtcopy-matrix/other", worktree), ApplyOptions.Default), fixture.Series);

    [Fact]
    public async Task Without_the_series_base_objects_the_hunk_conflicts()
    {
        SeriesResult result = await ApplyAsync(other.Dir, Path.Combine(other.Root, "out", "direct"));

        Assert.Equal("conflict", PatchVerdict.Of(result.Report.Patches[0]));
    }

    [Fact]
    public async Task Borrowing_the_series_base_objects_merges_three_way_and_writes_to_neither()
    {
        string fixtureShape = fixture.Repo.RepoShape();
        string otherShape = other.RepoShape();
        string repository = await BorrowingRepository.EnsureAsync(new GitCli(), Path.Combine(other.Root, "out", "repo.git"), [other.Dir, fixture.Repo.Dir]);

        SeriesResult result = await ApplyAsync(repository, Path.Combine(other.Root, "out", "linux"));

        Assert.Equal(["three-way", "clean", "clean"], result.Report.Patches.Select(PatchVerdict.Of));
        string merged = File.ReadAllText(Path.Combine(other.Root, "out", "linux", "mm", "migrate.c"));
        Assert.Contains("\tint i, rc = 0, moved = 0;\n\n\tif (batch_copy(from, nr) == 0)", merged, StringComparison.Ordinal);
        Assert.Equal(fixtureShape, fixture.Repo.RepoShape());
        Assert.Equal(otherShape, other.RepoShape());
    }
}
