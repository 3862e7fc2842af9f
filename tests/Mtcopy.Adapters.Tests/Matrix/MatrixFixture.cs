using Mtcopy.Adapters.Git;
using Mtcopy.Adapters.Tests.Git;
using Mtcopy.Core.Matrix;
using Mtcopy.Core.Patching;

namespace Mtcopy.Adapters.Tests.Matrix;

/// <summary>
/// A fake kernel with three bases and a three-patch series made on the first: on "clean" it applies
/// as it is, on "offset" mm/migrate.c has grown at the top, on "old" mm/migrate.c lacks the
/// batched path (migrate_pages_batch) that patch 1 builds on.
/// </summary>
internal sealed class MatrixFixture : IDisposable
{
    public MatrixFixture()
    {
        Repo.Write("mm/migrate.c", Migrate(batched: true, grown: false));
        Repo.Write("include/linux/migrate.h", "#ifndef _LINUX_MIGRATE_H\n#define _LINUX_MIGRATE_H\nint migrate_pages(void);\n#endif\n");
        Bases["clean"] = Repo.Commit("Linux 6.12");
        Repo.Write("mm/migrate.c", BatchPatched());
        Repo.Commit("mm/migrate: copy a batch in one call\n\nPatch one.");
        Repo.Write("mm/migrate_offc.c", "int offc_copy(void)\n{\n\treturn 0;\n}\n");
        Repo.Commit("mm/migrate: add the offload interface\n\nPatch two.");
        Repo.Write("include/linux/migrate.h", "#ifndef _LINUX_MIGRATE_H\n#define _LINUX_MIGRATE_H\nint migrate_pages(void);\nint offc_copy(void);\n#endif\n");
        Repo.Commit("migrate.h: declare offc_copy\n\nPatch three.");
        Series = Repo.Inputs($"{Bases["clean"]}..HEAD");

        Repo.Git("checkout", "-q", "--orphan", "offset");
        Repo.Git("rm", "-rq", "--cached", ".");
        Repo.Write("mm/migrate.c", Migrate(batched: true, grown: true));
        Repo.Write("mm/migrate_offc.c", "");
        File.Delete(Path.Combine(Repo.Dir, "mm/migrate_offc.c"));
        Repo.Write("include/linux/migrate.h", "#ifndef _LINUX_MIGRATE_H\n#define _LINUX_MIGRATE_H\nint migrate_pages(void);\n#endif\n");
        Bases["offset"] = Repo.Commit("Linux 6.13");

        Repo.Git("checkout", "-q", "--orphan", "old");
        Repo.Git("rm", "-rq", "--cached", ".");
        Repo.Write("mm/migrate.c", Migrate(batched: false, grown: false));
        Repo.Write("include/linux/migrate.h", "#ifndef _LINUX_MIGRATE_H\n#define _LINUX_MIGRATE_H\nint migrate_pages(void);\n#endif\n");
        Bases["old"] = Repo.Commit("Linux 6.1");
        Repo.Git("checkout", "-q", "main");
    }

    public TestRepo Repo { get; } = new();

    public Dictionary<string, string> Bases { get; } = new(StringComparer.Ordinal);

    public List<PatchInput> Series { get; }

    public void Dispose() => Repo.Dispose();

    /// <summary>Applies the series onto base <paramref name="name"/> as the Matrix stage does, into its own worktree.</summary>
    public async Task<SeriesResult> ApplyAsync(string name)
    {
        var spec = new WorkspaceSpec(Repo.Dir, Bases[name], "mtcopy-matrix/" + name, Path.Combine(Repo.Root, "out", "matrix", name, "linux"));
        return await new SeriesApplier(new GitCli()).ApplyAsync(new ApplyRequest(spec, ApplyOptions.Default), Series);
    }

    /// <summary>The matrix row of base <paramref name="name"/>, with the build and smoke steps given.</summary>
    public async Task<MatrixRow> RowAsync(string name, MatrixStep build, MatrixStep smoke)
    {
        SeriesResult result = await ApplyAsync(name);
        IReadOnlyList<MatrixConflict> conflicts = MatrixConflicts.From(result.Report,
            path => Repo.Git("ls-tree", "--name-only", Bases[name], path).Length > 0 ? Repo.Git("show", $"{Bases[name]}:{path}") : null, Series);
        return new MatrixRow("fixture:" + name, $"fixture base {name}", name switch { "clean" => "6.12.0", "offset" => "6.13.0", _ => "6.1.0" },
            Bases[name], MatrixConflicts.Verdicts(result.Report), conflicts, MatrixStep.Pass("made by the test"), build, smoke);
    }

    internal static string Migrate(bool batched, bool grown)
    {
        var lines = new List<string>();
        if (grown)
        {
            lines.AddRange(["// SPDX-License-Identifier: GPL-2.0", "/*", " * Memory migration functionality.", " */", ""]);
        }

        lines.AddRange(["#include <linux/migrate.h>", "", "static int move_one(int folio)", "{", "\treturn folio + 1;", "}", ""]);
        if (batched)
        {
            lines.AddRange([
                "static int migrate_pages_batch(int *from, int nr)",
                "{",
                "\tint i, rc = 0;",
                "",
                "\tfor (i = 0; i < nr; i++)",
                "\t\trc += move_one(from[i]);",
                "\treturn rc;",
                "}",
                "",
            ]);
        }
        else
        {
            lines.AddRange(["static int unmap_and_move(int folio)", "{", "\treturn move_one(folio);", "}", ""]);
        }

        lines.AddRange(["int migrate_pages(void)", "{", "\treturn 0;", "}"]);
        return string.Join("\n", lines) + "\n";
    }

    private static string BatchPatched() =>
        Migrate(batched: true, grown: false).Replace(
            "\tfor (i = 0; i < nr; i++)\n\t\trc += move_one(from[i]);",
            "\tif (batch_copy(from, nr) == 0)\n\t\treturn nr;\n\tfor (i = 0; i < nr; i++)\n\t\trc += move_one(from[i]);",
            StringComparison.Ordinal);
}
