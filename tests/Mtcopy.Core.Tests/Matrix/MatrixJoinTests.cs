using Mtcopy.Core.Matrix;

namespace Mtcopy.Core.Tests.Matrix;

/// <summary>Joining the matrix.json of several CI jobs, and reading matrix.json strictly.</summary>
public sealed class MatrixJoinTests
{
    private static readonly string[] Patches = ["0001-a.patch", "0002-b.patch"];

    private static MatrixRow Row(string id, params string[] verdicts) =>
        new(id, "base " + id, "6.12.1", "abc", verdicts, [], MatrixStep.Pass("fetched"), MatrixStep.Skip("not built"), MatrixStep.Skip("not built"));

    private static MatrixReport Part(params MatrixRow[] rows) => new("mtcopy", "0.1.0", Patches, rows);

    [Fact]
    public void Joins_rows_of_all_parts_in_order_through_their_json()
    {
        var parts = new[]
        {
            ("job-a/matrix.json", MatrixJson.Parse(MatrixJson.Serialize(Part(Row("debian:6.1", "conflict", "not-attempted"))), "job-a/matrix.json")),
            ("job-b/matrix.json", MatrixJson.Parse(MatrixJson.Serialize(Part(Row("debian:6.12", "clean", "offset"), Row("/src/linux", "clean", "clean"))), "job-b/matrix.json")),
        };

        MatrixReport joined = MatrixJoin.Join(parts);

        Assert.Equal(["debian:6.1", "debian:6.12", "/src/linux"], joined.Rows.Select(r => r.Base));
        Assert.Equal(["clean", "offset"], joined.Rows[1].Verdicts);
        Assert.Equal(Patches, joined.Patches);
        Assert.Contains("| `debian:6.1` | 6.12.1 | conflict | - | skip | skip | **conflict** |", MatrixMarkdownRenderer.Render(joined), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_parts_of_another_series()
    {
        var other = Part(Row("debian:7.2", "clean", "clean")) with { Patches = ["0001-a.patch"] };

        var error = Assert.Throws<MatrixFormatException>(() => MatrixJoin.Join([("a.json", Part(Row("debian:6.1", "clean", "clean"))), ("b.json", other)]));

        Assert.Contains("b.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("one series only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_base_given_twice()
    {
        var error = Assert.Throws<MatrixFormatException>(() => MatrixJoin.Join(
            [("a.json", Part(Row("debian:6.1", "clean", "clean"))), ("b.json", Part(Row("debian:6.1", "clean", "clean")))]));

        Assert.Contains("debian:6.1 is in both a.json and b.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_nothing_to_join()
    {
        Assert.Throws<MatrixFormatException>(() => MatrixJoin.Join([]));
    }

    [Theory]
    [InlineData("", "is not a readable matrix.json")]
    [InlineData("{}", "no \"schema\" key")]
    [InlineData("{\"schema\": 99}", "schema 99")]
    [InlineData("{\"schema\": 1, \"series\": \"s\", \"version\": \"1\", \"patches\": [], \"rows\": [], \"extra\": 1}", "not a readable matrix.json")]
    public void Reading_a_bad_matrix_json_says_what_is_wrong(string json, string message)
    {
        var error = Assert.Throws<MatrixFormatException>(() => MatrixJson.Parse(json, "job/matrix.json"));

        Assert.Contains("job/matrix.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_keys_are_sorted_and_enums_are_words()
    {
        string json = MatrixJson.Serialize(Part(Row("debian:6.12", "clean", "three-way")));

        Assert.StartsWith("{\n  \"all_passed\": true,\n  \"patches\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"skip\"", json, StringComparison.Ordinal);
        Assert.Contains("\"schema\": 1", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }
}
