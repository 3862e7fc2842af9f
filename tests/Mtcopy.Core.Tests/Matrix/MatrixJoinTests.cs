using System.Text.Json.Nodes;
using Mtcopy.Core.Matrix;
using Mtcopy.Core;

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

        var error = Assert.Throws<UserErrorException>(() => MatrixJoin.Join([("a.json", Part(Row("debian:6.1", "clean", "clean"))), ("b.json", other)]));

        Assert.Contains("b.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("one series only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_base_given_twice()
    {
        var error = Assert.Throws<UserErrorException>(() => MatrixJoin.Join(
            [("a.json", Part(Row("debian:6.1", "clean", "clean"))), ("b.json", Part(Row("debian:6.1", "clean", "clean")))]));

        Assert.Contains("debian:6.1 is in both a.json and b.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Joins_a_base_with_its_variant_from_another_job_and_keeps_them_apart()
    {
        MatrixReport expected = SampleMatrix.Expected();
        MatrixReport job61 = SampleMatrix.Report(expected.Rows[0]);
        MatrixReport job612 = SampleMatrix.Report(expected.Rows[1]);
        MatrixReport job72 = SampleMatrix.Report(expected.Rows[2], expected.Rows[3]);

        MatrixReport joined = MatrixJoin.Join([.. new[] { ("6.1", job61), ("6.12", job612), ("7.2", job72) }
            .Select(p => (p.Item1, MatrixJson.Parse(MatrixJson.Serialize(p.Item2), p.Item1)))]);

        Assert.Equal(["debian:6.1", "debian:6.12", "debian:7.2", "debian:7.2 [linux-7.2]"], joined.Rows.Select(r => r.Label));
        Assert.Equal(MatrixJson.Serialize(expected), MatrixJson.Serialize(joined));
    }

    [Fact]
    public void Refuses_a_variant_row_given_twice()
    {
        MatrixRow variant = SampleMatrix.Expected().Rows[3];

        var error = Assert.Throws<UserErrorException>(() => MatrixJoin.Join(
            [("a.json", SampleMatrix.Report(variant)), ("b.json", SampleMatrix.Report(SampleMatrix.Expected().Rows[2], variant))]));

        Assert.Contains("debian:7.2 [linux-7.2] is in both a.json and b.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_schema_1_matrix_json_as_rows_of_the_series_itself()
    {
        // What a schema 1 writer wrote: the same report without the rows' series, patches and label.
        JsonObject old = JsonNode.Parse(MatrixJson.Serialize(Part(Row("debian:6.12", "clean", "clean"))))!.AsObject();
        old["schema"] = 1;
        JsonObject oldRow = old["rows"]![0]!.AsObject();
        Assert.True(oldRow.Remove("series") && oldRow.Remove("patches") && oldRow.Remove("label"));
        string json = old.ToJsonString();

        MatrixRow row = Assert.Single(MatrixJson.Parse(json, "old/matrix.json").Rows);

        Assert.Equal(("debian:6.12", null, "debian:6.12"), (row.Base, row.Series, row.Label));
    }

    [Fact]
    public void Refuses_nothing_to_join()
    {
        Assert.Throws<UserErrorException>(() => MatrixJoin.Join([]));
    }

    [Theory]
    [InlineData("", "is not a readable matrix.json")]
    [InlineData("{}", "no \"schema\" key")]
    [InlineData("{\"schema\": 99}", "schema 99; this mtcopy reads schemas 1 to 2")]
    [InlineData("{\"schema\": 0}", "schema 0")]
    [InlineData("{\"schema\": 1, \"series\": \"s\", \"version\": \"1\", \"patches\": [], \"rows\": [], \"extra\": 1}", "not a readable matrix.json")]
    public void Reading_a_bad_matrix_json_says_what_is_wrong(string json, string message)
    {
        var error = Assert.Throws<UserErrorException>(() => MatrixJson.Parse(json, "job/matrix.json"));

        Assert.Contains("job/matrix.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_keys_are_sorted_and_enums_are_words()
    {
        string json = MatrixJson.Serialize(Part(Row("debian:6.12", "clean", "three-way")));

        Assert.StartsWith("{\n  \"all_passed\": true,\n  \"patches\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"skip\"", json, StringComparison.Ordinal);
        Assert.Contains("\"schema\": 2", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }
}
