using Mtcopy.Core.Patching;

namespace Mtcopy.Core.Tests.Patching;

public sealed class DiffParserTests
{
    [Fact]
    public void Parses_a_git_modification_with_hunks_and_skips_message_and_signature()
    {
        const string text = """
            Some commit message text
            ---
             mm/migrate.c | 2 +-
             1 file changed

            diff --git a/mm/migrate.c b/mm/migrate.c
            index 1234abc..5678def 100644
            --- a/mm/migrate.c
            +++ b/mm/migrate.c
            @@ -10,3 +10,3 @@ static int foo(void)
             a
            -b
            +c
             d
            @@ -20 +20,2 @@
             x
            +y
            -- 
            2.39.5

            """;

        var files = DiffParser.Parse(text);

        var f = Assert.Single(files);
        Assert.Equal(FileChangeKind.Modify, f.Kind);
        Assert.Equal("mm/migrate.c", f.OldPath);
        Assert.Equal("mm/migrate.c", f.NewPath);
        Assert.Equal(GitFileMode.Regular, f.OldMode);
        Assert.Equal(GitFileMode.Regular, f.NewMode);
        Assert.Equal("1234abc", f.OldId);
        Assert.Equal("5678def", f.NewId);
        Assert.Equal(2, f.Hunks.Count);
        var h = f.Hunks[0];
        Assert.Equal((10, 3, 10, 3), (h.OldStart, h.OldCount, h.NewStart, h.NewCount));
        Assert.Equal("static int foo(void)", h.Section);
        Assert.Equal(
            new[] { (HunkLineKind.Context, "a"), (HunkLineKind.Removed, "b"), (HunkLineKind.Added, "c"), (HunkLineKind.Context, "d") },
            h.Lines.Select(l => (l.Kind, l.Text)).ToArray());
        Assert.Equal((20, 1, 20, 2), (f.Hunks[1].OldStart, f.Hunks[1].OldCount, f.Hunks[1].NewStart, f.Hunks[1].NewCount));
    }

    [Fact]
    public void Parses_add_delete_mode_change_rename_and_copy_headers()
    {
        const string text = """
            diff --git a/new.sh b/new.sh
            new file mode 100755
            index 0000000..e69de29
            diff --git a/gone.c b/gone.c
            deleted file mode 100644
            index 3b18e51..0000000
            --- a/gone.c
            +++ /dev/null
            @@ -1 +0,0 @@
            -hello
            diff --git a/run.sh b/run.sh
            old mode 100644
            new mode 100755
            diff --git a/old name.c b/new name.c
            similarity index 90%
            rename from old name.c
            rename to new name.c
            index 1111111..2222222 100644
            --- a/old name.c	
            +++ b/new name.c	
            @@ -1 +1 @@
            -a
            +b
            diff --git a/src.c b/dst.c
            similarity index 100%
            copy from src.c
            copy to dst.c

            """;

        var files = DiffParser.Parse(text);

        Assert.Equal(5, files.Count);
        Assert.Equal((FileChangeKind.Add, null, "new.sh", GitFileMode.Executable), (files[0].Kind, files[0].OldPath, files[0].NewPath, files[0].NewMode!.Value));
        Assert.Empty(files[0].Hunks);
        Assert.Equal((FileChangeKind.Delete, "gone.c", (string?)null), (files[1].Kind, files[1].OldPath, files[1].NewPath));
        Assert.Single(files[1].Hunks);
        Assert.Equal((FileChangeKind.Modify, GitFileMode.Regular, GitFileMode.Executable), (files[2].Kind, files[2].OldMode!.Value, files[2].NewMode!.Value));
        Assert.Equal((FileChangeKind.Rename, "old name.c", "new name.c", 90), (files[3].Kind, files[3].OldPath, files[3].NewPath, files[3].Similarity!.Value));
        Assert.Equal((FileChangeKind.Copy, "src.c", "dst.c"), (files[4].Kind, files[4].OldPath, files[4].NewPath));
    }

    [Fact]
    public void Unquotes_c_style_names()
    {
        const string text = "diff --git \"a/t\\303\\251st\\tx.c\" \"b/t\\303\\251st\\tx.c\"\nnew file mode 100644\nindex 0000000..e69de29\n";

        var f = Assert.Single(DiffParser.Parse(text));

        Assert.Equal("t\u00e9st\tx.c", f.NewPath);
    }

    [Fact]
    public void Takes_names_with_spaces_from_the_diff_git_line_when_both_sides_agree()
    {
        const string text = "diff --git a/dir a/f b.c b/dir a/f b.c\nold mode 100644\nnew mode 100755\n";

        var f = Assert.Single(DiffParser.Parse(text));

        Assert.Equal("dir a/f b.c", f.Path);
    }

    [Fact]
    public void Marks_lines_without_newline_at_end_of_file()
    {
        const string text = """
            diff --git a/f b/f
            index 1111111..2222222 100644
            --- a/f
            +++ b/f
            @@ -1,2 +1,2 @@
             a
            -b
            \ No newline at end of file
            +b

            """;

        var h = Assert.Single(Assert.Single(DiffParser.Parse(text)).Hunks);

        Assert.True(h.Lines[1].NoNewlineAtEnd);
        Assert.False(h.Lines[2].NoNewlineAtEnd);
        Assert.False(h.Lines[0].NoNewlineAtEnd);
    }

    [Fact]
    public void Keeps_carriage_returns_in_hunk_lines_and_accepts_empty_context_lines()
    {
        const string text = "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n x\r\n\n-y\r\n+z\r\n";

        var h = Assert.Single(Assert.Single(DiffParser.Parse(text)).Hunks);

        Assert.Equal(new[] { "x\r", string.Empty, "y\r", "z\r" }, h.Lines.Select(l => l.Text).ToArray());
        Assert.Equal(HunkLineKind.Context, h.Lines[1].Kind);
    }

    [Fact]
    public void Parses_plain_unified_diffs_with_timestamps()
    {
        const string text = """
            Only in b: junk
            diff -u linux.orig/mm/util.c linux/mm/util.c
            --- linux.orig/mm/util.c	2024-01-01 10:00:00.000000000 +0100
            +++ linux/mm/util.c	2024-01-02 10:00:00.000000000 +0100
            @@ -1 +1 @@
            -a
            +b
            --- /dev/null	1970-01-01 00:00:00.000000000 +0000
            +++ linux/mm/new.c	2024-01-02 10:00:00.000000000 +0100
            @@ -0,0 +1 @@
            +new

            """;

        var files = DiffParser.Parse(text);

        Assert.Equal(2, files.Count);
        Assert.Equal((FileChangeKind.Modify, "mm/util.c"), (files[0].Kind, files[0].Path));
        Assert.Equal((FileChangeKind.Add, "mm/new.c"), (files[1].Kind, files[1].Path));
    }

    [Fact]
    public void Reports_the_line_of_a_corrupt_hunk()
    {
        const string text = "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n*oops\n";

        var ex = Assert.Throws<PatchFormatException>(() => DiffParser.Parse(text));

        Assert.Equal(6, ex.Line);
        Assert.Contains("corrupt hunk line", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_truncated_hunk()
    {
        var ex = Assert.Throws<PatchFormatException>(() => DiffParser.Parse("--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n"));

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decodes_git_binary_literal_and_delta_hunks()
    {
        var files = DiffParser.Parse(BinaryFixture.Patch);

        Assert.Equal(2, files.Count);
        var delta = files[0].Binary!.Forward!;
        Assert.Equal(BinaryHunkKind.Delta, delta.Kind);
        Assert.Equal(12, delta.Data.Length);
        Assert.NotNull(files[0].Binary!.Reverse);
        var literal = files[1].Binary!.Forward!;
        Assert.Equal(BinaryHunkKind.Literal, literal.Kind);
        Assert.Equal(new byte[] { 0, 1, 2, 3, 255, 254 }, literal.Data.ToArray());
        Assert.Equal(FileChangeKind.Add, files[1].Kind);
    }

    [Fact]
    public void Rejects_binary_data_that_does_not_inflate_to_the_stated_size()
    {
        var text = BinaryFixture.Patch.Replace("literal 6\n", "literal 7\n", StringComparison.Ordinal);

        Assert.Throws<PatchFormatException>(() => DiffParser.Parse(text));
    }

    [Fact]
    public void Parses_binary_files_differ_as_binary_without_data()
    {
        const string text = "diff --git a/x.bin b/x.bin\nindex 1111111..2222222 100644\nBinary files a/x.bin and b/x.bin differ\n";

        var f = Assert.Single(DiffParser.Parse(text));

        Assert.NotNull(f.Binary);
        Assert.Null(f.Binary!.Forward);
    }
}
