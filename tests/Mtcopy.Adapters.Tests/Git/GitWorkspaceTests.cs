using Mtcopy.Adapters.Git;
using Mtcopy.Core;

namespace Mtcopy.Adapters.Tests.Git;

public sealed class GitWorkspaceTests : IDisposable
{
    private readonly TestRepo _repo = new();
    private readonly GitWorkspace _workspaces = new(new GitCli());

    public GitWorkspaceTests()
    {
        _repo.Write("f.c", "one\n");
        _repo.Commit("base");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Creates_our_branch_in_a_separate_worktree_and_removes_both()
    {
        var shape = _repo.RepoShape();
        var spec = new WorkspaceSpec(_repo.Dir, "main", "mtcopy/apply", _repo.WorktreePath);

        var ws = await _workspaces.CreateAsync(spec);

        Assert.Equal(_repo.Rev("main"), _repo.GitIn(ws.WorktreePath, "rev-parse", "HEAD").Trim());
        Assert.Equal("refs/heads/mtcopy/apply", _repo.GitIn(ws.WorktreePath, "symbolic-ref", "HEAD").Trim());
        Assert.Equal("refs/heads/main", _repo.Git("symbolic-ref", "HEAD").Trim());
        Assert.StartsWith(Path.Combine(_repo.Dir, ".git", "worktrees"), ws.GitDir, StringComparison.Ordinal);

        await _workspaces.RemoveAsync(spec);

        Assert.Equal(shape, _repo.RepoShape());
        Assert.False(Directory.Exists(_repo.WorktreePath));
    }

    [Fact]
    public async Task Refuses_a_worktree_inside_the_repository_or_a_foreign_directory()
    {
        var inside = new WorkspaceSpec(_repo.Dir, "main", "mtcopy/apply", Path.Combine(_repo.Dir, "wt"));
        var foreign = Path.Combine(_repo.Root, "foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "precious.txt"), "keep me\n");

        await Assert.ThrowsAsync<UserErrorException>(() => _workspaces.CreateAsync(inside));
        await Assert.ThrowsAsync<UserErrorException>(() => _workspaces.CreateAsync(inside with { WorktreePath = foreign }));
        await Assert.ThrowsAsync<UserErrorException>(() => _workspaces.CreateAsync(inside with { WorktreePath = _repo.WorktreePath, BaseRevision = "no-such-rev" }));
        await Assert.ThrowsAsync<UserErrorException>(() => _workspaces.CreateAsync(inside with { WorktreePath = _repo.WorktreePath, BranchName = "bad..name" }));
        await Assert.ThrowsAsync<UserErrorException>(() => _workspaces.CreateAsync(inside with { WorktreePath = _repo.WorktreePath, BranchName = "main" }));
        Assert.True(File.Exists(Path.Combine(foreign, "precious.txt")));
        Assert.False(Directory.Exists(_repo.WorktreePath));
    }

    [Fact]
    public async Task Recognises_its_worktree_when_the_path_goes_through_a_symlink()
    {
        var shape = _repo.RepoShape();
        Directory.CreateDirectory(Path.Combine(_repo.Root, "real"));
        File.CreateSymbolicLink(Path.Combine(_repo.Root, "alias"), "real");
        var spec = new WorkspaceSpec(_repo.Dir, "main", "mtcopy/apply", Path.Combine(_repo.Root, "alias", "wt"));

        var first = await _workspaces.CreateAsync(spec);
        File.WriteAllText(Path.Combine(first.WorktreePath, "junk"), "x");
        var second = await _workspaces.CreateAsync(spec);

        Assert.Equal(Path.Combine(_repo.Root, "real", "wt"), second.WorktreePath);
        Assert.False(File.Exists(Path.Combine(second.WorktreePath, "junk")));
        await _workspaces.RemoveAsync(spec);
        Assert.Equal(shape, _repo.RepoShape());
    }
}
