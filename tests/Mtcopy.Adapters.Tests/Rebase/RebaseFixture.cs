using Mtcopy.Adapters.Tests.Git;
using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Tests.Rebase;

/// <summary>
/// A small fake kernel: an old base and a new base, and a three-patch series made on the old one.
/// Patch 1 touches a file the new base did not change (clean), patch 2 a file the new base changed
/// elsewhere (three-way), patch 3 a line the new base changed too (conflict).
/// </summary>
internal sealed class RebaseFixture : IDisposable
{
    public RebaseFixture()
    {
        Repo.Write("a.c", TestRepo.Lines(10, n => $"a {n}"));
        Repo.Write("b.c", TestRepo.Lines(30, n => $"b {n}"));
        Repo.Write("c.c", TestRepo.Lines(10, n => $"c {n}"));
        OldBase = Repo.Commit("base 1.0");
        Repo.Git("checkout", "-q", "-b", "series");
        Repo.Write("a.c", TestRepo.Lines(10, n => n == 3 ? "a three, patched" : $"a {n}"));
        Repo.Commit("a: patch line 3\n\nThe first patch.");
        Repo.Write("b.c", TestRepo.Lines(30, n => n == 25 ? "b twenty-five, patched" : $"b {n}"));
        Repo.Commit("b: patch line 25\n\nThe second patch.");
        Repo.Write("c.c", TestRepo.Lines(10, n => n == 5 ? "c five, patched" : $"c {n}"));
        Repo.Commit("c: patch line 5\n\nThe third patch.");
        Series = Repo.Inputs($"{OldBase}..series");
        Repo.Git("checkout", "-q", "-b", "next", OldBase);
        Repo.Write("b.c", TestRepo.Lines(30, n => n == 2 ? "b two, changed upstream" : $"b {n}"));
        Repo.Write("c.c", TestRepo.Lines(10, n => n == 5 ? "c five, changed upstream" : $"c {n}"));
        NewBase = Repo.Commit("base 2.0");
        Repo.Git("checkout", "-q", "main");
        WorkDirectory = Path.Combine(Repo.Root, "out", "rebase");
    }

    public TestRepo Repo { get; } = new();

    public string OldBase { get; }

    public string NewBase { get; }

    public List<PatchInput> Series { get; }

    public string WorkDirectory { get; }

    public Mtcopy.Adapters.Rebase.RebaseRequest Request() =>
        new(Repo.Dir, OldBase, Repo.Dir, NewBase, WorkDirectory, Series);

    public void Dispose() => Repo.Dispose();
}
