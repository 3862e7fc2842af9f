using Mtcopy.Core.Results;

namespace Mtcopy.Core.Tests.Results;

public sealed class SkipDecisionTests
{
    private static readonly StageStamp Stamp = new(
        "build",
        "key-1",
        new Dictionary<string, string> { ["config"] = "c" },
        [new StampedOutput("/o/bzImage", "h1"), new StampedOutput("/o/mtcopy.ko", "h2")]);

    private static readonly Dictionary<string, string> Disk = new() { ["/o/bzImage"] = "h1", ["/o/mtcopy.ko"] = "h2" };

    [Fact]
    public void Skips_when_key_and_outputs_match()
    {
        SkipVerdict verdict = SkipDecision.Decide(Stamp, "key-1", p => Disk.GetValueOrDefault(p));

        Assert.True(verdict.Skip);
    }

    [Fact]
    public void Runs_without_a_stamp() =>
        Assert.False(SkipDecision.Decide(null, "key-1", p => Disk.GetValueOrDefault(p)).Skip);

    [Fact]
    public void Runs_when_inputs_changed()
    {
        SkipVerdict verdict = SkipDecision.Decide(Stamp, "key-2", p => Disk.GetValueOrDefault(p));

        Assert.False(verdict.Skip);
        Assert.Contains("inputs changed", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_current_inputs_a_changed_key_names_what_changed_appeared_or_went()
    {
        var current = new Dictionary<string, string> { ["config"] = "c2", ["module:mtcopy"] = "m" };

        SkipVerdict verdict = SkipDecision.Decide(Stamp, "key-2", p => Disk.GetValueOrDefault(p), current);

        Assert.False(verdict.Skip);
        Assert.Equal("changed since the previous run: config, module:mtcopy", verdict.Reason);
    }

    [Fact]
    public void Runs_when_an_output_is_missing_or_changed()
    {
        SkipVerdict missing = SkipDecision.Decide(Stamp, "key-1", p => p.EndsWith(".ko", StringComparison.Ordinal) ? null : "h1");
        SkipVerdict changed = SkipDecision.Decide(Stamp, "key-1", p => p.EndsWith(".ko", StringComparison.Ordinal) ? "other" : "h1");

        Assert.False(missing.Skip);
        Assert.Equal("output /o/mtcopy.ko is missing", missing.Reason);
        Assert.False(changed.Skip);
        Assert.Contains("/o/mtcopy.ko changed", changed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_json_round_trips_with_sorted_keys()
    {
        string json = StageStampJson.Serialize(Stamp);
        StageStamp back = StageStampJson.Parse(json);

        Assert.Equal(Stamp.Key, back.Key);
        Assert.Equal(Stamp.Stage, back.Stage);
        Assert.Equal(Stamp.Outputs, back.Outputs);
        Assert.Equal(Stamp.Inputs, back.Inputs);
        Assert.True(json.IndexOf("\"inputs\"", StringComparison.Ordinal) < json.IndexOf("\"key\"", StringComparison.Ordinal));
        Assert.True(json.IndexOf("\"outputs\"", StringComparison.Ordinal) < json.IndexOf("\"stage\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"stage\":\"b\",\"inputs\":{},\"outputs\":[]}")]
    [InlineData("{\"stage\":\"b\",\"key\":1,\"inputs\":{},\"outputs\":[]}")]
    public void Damaged_stamp_is_a_format_error(string json) =>
        Assert.Throws<FormatException>(() => StageStampJson.Parse(json));
}
