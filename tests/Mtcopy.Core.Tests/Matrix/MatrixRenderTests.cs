using Mtcopy.Core.Matrix;
using Mtcopy.Core.Tests.Packaging;

namespace Mtcopy.Core.Tests.Matrix;

/// <summary>
/// The table, Markdown and JSON of a matrix with a series variant, compared with golden files in Matrix/Golden
/// (set MTCOPY_UPDATE_GOLDEN=1 to rewrite them, then review the diff), and variants with other patch counts.
/// </summary>
public sealed class MatrixRenderTests
{
    [Fact]
    public void Text_table_names_the_variant_in_its_row_and_matches_the_golden_file()
    {
        string text = MatrixTextRenderer.Render(SampleMatrix.Expected());

        Assert.Contains("debian:7.2              7.2.13    conflict  -      -      skip   skip   conflict\n", text, StringComparison.Ordinal);
        Assert.Contains("debian:7.2 [linux-7.2]  7.2.13    clean     clean  clean  pass   pass   pass\n", text, StringComparison.Ordinal);
        Assert.Contains("  debian:7.2 [linux-7.2]: Debian package", text, StringComparison.Ordinal);
        Golden("variants.txt", text);
    }

    [Fact]
    public void Markdown_names_the_variant_in_its_row_and_section_and_matches_the_golden_file()
    {
        string markdown = MatrixMarkdownRenderer.Render(SampleMatrix.Expected());

        Assert.Contains("| `debian:7.2 [linux-7.2]` | 7.2.13 | clean | clean | clean | pass | pass | **pass** |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("### `debian:7.2 [linux-7.2]`\n", markdown, StringComparison.Ordinal);
        Golden("variants.md", markdown);
    }

    [Fact]
    public void Json_records_the_variant_and_reads_back_equal()
    {
        MatrixReport report = SampleMatrix.Expected();
        string json = MatrixJson.Serialize(report);

        MatrixReport read = MatrixJson.Parse(json, "matrix.json");

        Assert.Equal([null, null, null, "linux-7.2"], read.Rows.Select(r => r.Series));
        Assert.Equal(SampleMatrix.Patches, read.Rows[3].Patches);
        Assert.Null(read.Rows[0].Patches);
        Assert.Equal(json, MatrixJson.Serialize(read));
        Golden("variants.json", json);
    }

    [Fact]
    public void A_variant_with_more_patches_gets_its_columns_and_its_own_legend()
    {
        MatrixRow variant = SampleMatrix.Passing("debian:7.2", "7.2.13", "linux-7.2") with
        {
            Verdicts = ["clean", "offset", "clean", "clean"],
            Patches = [.. SampleMatrix.Patches, "0004-fixup.patch"],
        };
        MatrixReport report = SampleMatrix.Report(SampleMatrix.Conflicting("debian:6.1", "6.1.192"), variant);

        string text = MatrixTextRenderer.Render(report);
        string markdown = MatrixMarkdownRenderer.Render(report);

        Assert.Contains("base                    kernel   1         2       3      4      build  smoke  result\n", text, StringComparison.Ordinal);
        Assert.Contains("debian:6.1              6.1.192  conflict  -       -             skip   skip   conflict\n", text, StringComparison.Ordinal);
        Assert.Contains("\nPatches of debian:7.2 [linux-7.2]:\n  1  0001-mm-migrate-batch.patch\n", text, StringComparison.Ordinal);
        Assert.Contains("  4  0004-fixup.patch\n", text, StringComparison.Ordinal);
        Assert.Contains("| base | kernel | 0001 | 0002 | 0003 | 0004 | build | smoke | result |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| `debian:6.1` | 6.1.192 | conflict | - | - |  | skip | skip | **conflict** |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("Patches of `debian:7.2 [linux-7.2]`:\n\n1. `0001-mm-migrate-batch.patch`\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variant_with_fewer_patches_leaves_the_missing_cells_empty()
    {
        MatrixRow variant = SampleMatrix.Passing("debian:7.2", "7.2.13", "linux-7.2") with
        {
            Verdicts = ["clean", "clean"],
            Patches = ["0001-mm-migrate-batch-and-offload.patch", "0002-mtcopy.patch"],
        };
        MatrixReport report = SampleMatrix.Report(SampleMatrix.Passing("debian:6.12", "6.12.117"), variant);

        string text = MatrixTextRenderer.Render(report);
        string markdown = MatrixMarkdownRenderer.Render(report);

        Assert.Contains("debian:7.2 [linux-7.2]  7.2.13    clean  clean         pass   pass   pass\n", text, StringComparison.Ordinal);
        Assert.Contains("| `debian:7.2 [linux-7.2]` | 7.2.13 | clean | clean |  | pass | pass | **pass** |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("  2  0002-mtcopy.patch\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_variants_nothing_about_them_is_said()
    {
        MatrixReport report = SampleMatrix.Report(SampleMatrix.Passing("debian:6.12", "6.12.117"));

        string text = MatrixTextRenderer.Render(report);

        Assert.StartsWith("Compatibility matrix: mtcopy 0.1.0, 3 patches, 1 bases\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("variant", text, StringComparison.Ordinal);
        Assert.DoesNotContain("variant", MatrixMarkdownRenderer.Render(report), StringComparison.Ordinal);
    }

    private static void Golden(string name, string actual)
    {
        string path = Path.Combine(RepositoryFiles.PathOf("tests/Mtcopy.Core.Tests/Matrix/Golden"), name);
        if (Environment.GetEnvironmentVariable("MTCOPY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }
}
