using Mtcopy.Adapters.Results;
using Mtcopy.Adapters.Tests.Fixtures;
using Mtcopy.Core;
using Mtcopy.Core.Results;

namespace Mtcopy.Adapters.Tests.Results;

public sealed class StampStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly StampStore _store;
    private readonly Dictionary<string, string> _inputs;
    private readonly string _key;
    private readonly string _output;

    public StampStoreTests()
    {
        _store = new StampStore(_temp.Combine("state"));
        _inputs = new Dictionary<string, string> { ["config"] = ContentHash.Sha256("CONFIG_MIGRATION=y\n"), ["tool"] = "0.1.0" };
        _key = StageFingerprint.Compute("build", _inputs);
        _output = _temp.Combine("out", "bzImage");
        Directory.CreateDirectory(Path.GetDirectoryName(_output)!);
        File.WriteAllText(_output, "kernel image");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Recorded_stage_is_skipped_next_time()
    {
        StageStamp stamp = _store.Record("build", _key, _inputs, [_output]);

        Assert.Equal(FileHash.Sha256(_output), Assert.Single(stamp.Outputs).Sha256);
        Assert.True(File.Exists(_temp.Combine("state", "stamps", "build.json")));
        Assert.True(_store.Check("build", _key).Skip);
        Assert.Equal(_key, _store.Read("build")!.Key);
    }

    [Fact]
    public void Changed_inputs_or_outputs_are_not_skipped()
    {
        _store.Record("build", _key, _inputs, [_output]);

        Assert.False(_store.Check("build", StageFingerprint.Compute("build", new Dictionary<string, string>())).Skip);
        File.WriteAllText(_output, "tampered");
        Assert.Contains("changed", _store.Check("build", _key).Reason, StringComparison.Ordinal);
        File.Delete(_output);
        Assert.Contains("missing", _store.Check("build", _key).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_or_missing_or_invalidated_stamp_means_run()
    {
        Assert.False(_store.Check("build", _key).Skip);

        _store.Record("build", _key, _inputs, [_output]);
        File.WriteAllText(_store.PathFor("build"), "{ truncated");
        Assert.Null(_store.Read("build"));
        Assert.False(_store.Check("build", _key).Skip);

        _store.Record("build", _key, _inputs, [_output]);
        _store.Invalidate("build");
        Assert.False(_store.Check("build", _key).Skip);
    }

    [Fact]
    public void Missing_output_cannot_be_recorded()
    {
        Assert.Throws<FileNotFoundException>(() => _store.Record("build", _key, _inputs, [_temp.Combine("nope")]));
        Assert.Null(_store.Read("build"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    public void Stage_names_cannot_escape_the_state_dir(string stage) =>
        Assert.Throws<UserErrorException>(() => _store.PathFor(stage));
}
